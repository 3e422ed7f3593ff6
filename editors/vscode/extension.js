// Starts `rectify lsp` for rule files and YAML record files in the workspace.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("rectify").get("path") || "rectify";
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server = { command, args: ["lsp"], options: { cwd: folder } };
  client = new LanguageClient("rectify", "rectify", server, {
    documentSelector: [
      { scheme: "file", language: "rectify-rules" },
      { scheme: "file", language: "yaml" },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
