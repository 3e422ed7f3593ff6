//! A scratch folder outside any git repository for tests that run the
//! binary on files they write, removed when dropped.

use std::path::{Path, PathBuf};

pub struct Scratch(pub PathBuf);

impl Scratch {
    /// An empty folder named after the test binary's process and `name`.
    pub fn new(name: &str) -> Scratch {
        let path =
            std::env::temp_dir().join(format!("rectify-scratch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("scratch folder");
        Scratch(path)
    }

    /// Write `text` to `name` (folders made as needed).
    pub fn write(&self, name: &str, text: &str) -> &Scratch {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write");
        self
    }

    /// Copy `from`, relative to the crate root, to `to`.
    pub fn copy(&self, from: &str, to: &str) -> &Scratch {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join(from)).expect("fixture");
        self.write(to, &text)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
