//! A check kept in memory between edits, for the language server: the rule
//! set compiled once, every record file of the project evaluated once, and
//! after that one file re-evaluated per change. The outcome is merged again
//! from the kept per-file results, so group rules always count the whole
//! workspace without reading it again.
//!
//! Owns: which texts the kept results came from. Must not: print, exit or
//! read the clock.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::eval::Plan;
use crate::load::{self, Overlay, Rules};
use crate::model::Schema;
use crate::outcome::{InputError, Outcome};

use super::{Options, file, merge};

/// The project's rules and records, evaluated.
pub struct Workspace {
    options: Options,
    rules: Rules,
    schema: Option<Schema>,
    /// Each record file's result, by the path the walk gives, in path order.
    files: BTreeMap<PathBuf, file::Result>,
    walk_errors: Vec<merge::WalkError>,
}

impl Workspace {
    /// Load the rules and evaluate every record file the options name,
    /// taking texts from `overlay` where it has them.
    pub fn open(options: Options, overlay: Overlay<'_>) -> Workspace {
        let mut workspace = Workspace {
            options,
            rules: Rules::default(),
            schema: None,
            files: BTreeMap::new(),
            walk_errors: Vec::new(),
        };
        workspace.reload(overlay);
        workspace
    }

    /// Load the rules again (a rule file changed) and re-evaluate every
    /// record file with them; the record files are walked again too.
    pub fn reload(&mut self, overlay: Overlay<'_>) {
        self.rules = load::rules_with(&self.options.rules, overlay);
        if let Some(plan) = &mut self.rules.plan {
            plan.units = super::units(&self.options.units, &mut self.rules.errors);
        }
        self.schema = self.rules.plan.as_ref().map(super::schema);
        let (paths, walk_errors, _) = super::walk(&self.options.paths, &self.options.discovery);
        self.walk_errors = walk_errors;
        self.files.clear();
        for path in paths {
            let text = overlay(&path);
            self.update(&path, text.as_deref());
        }
    }

    /// Whether `path`, were it saved, would be one of the project's record
    /// files (an editor's buffer not yet on disk).
    pub fn would_have(&self, path: &Path) -> bool {
        crate::walk::is_record_path(path, &self.options.paths, &self.options.discovery)
    }

    /// Whether `path` (as the walk gives it) is one of the project's record files.
    pub fn has(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    /// Evaluate one record file again, from `text` (an open buffer) or,
    /// when `None`, from the disk. A file not met before is added.
    pub fn update(&mut self, path: &Path, text: Option<&str>) {
        let result = file::Result::named(path.display().to_string());
        let result = match (&self.rules.plan, &self.schema, text) {
            (Some(plan), Some(schema), Some(text)) => {
                file::process_text(result, text.to_string(), plan, schema, &self.options)
            }
            (Some(plan), Some(schema), None) => file::process(path, plan, schema, &self.options),
            _ => result,
        };
        self.files.insert(path.to_path_buf(), result);
    }

    /// Forget a record file (deleted).
    pub fn remove(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// The compiled rules, when every rule file checked.
    pub fn plan(&self) -> Option<&Plan> {
        self.rules.plan.as_ref()
    }

    pub fn schema(&self) -> Option<&Schema> {
        self.schema.as_ref()
    }

    /// The loaded rule files and their errors.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The whole check as `check` would report it, from the kept results,
    /// waiver files applied (read again each time: they are small, and an
    /// editor may change them).
    pub fn outcome(&self) -> Outcome {
        let options = &self.options;
        let files = self.rules.files.clone();
        let mut outcome = Outcome::empty(options.as_of, options.root.clone(), files);
        outcome.input_errors = self.rules.errors.clone();
        let Some(plan) = &self.rules.plan else {
            return outcome;
        };
        outcome.rules = plan.rules.iter().map(super::rule_info).collect();
        let mut merger = merge::Merger::new(plan, &mut outcome, self.walk_errors.clone());
        for result in self.files.values() {
            merger.add(&mut outcome, result.clone());
        }
        merger.judge_groups(&mut outcome);
        super::apply_waiver_files(&mut outcome, options, &plan.units);
        merger.finish(&mut outcome);
        outcome
    }
}

/// Which of `outcome`'s record files is named `name`.
pub fn file_index(outcome: &Outcome, name: &str) -> Option<usize> {
    outcome.files.iter().position(|f| f.name == name)
}

/// The input errors of `outcome` about record file `file`.
pub fn file_errors(outcome: &Outcome, file: usize) -> impl Iterator<Item = &InputError> {
    outcome.input_errors.iter().filter(move |e| {
        e.origin == crate::outcome::Origin::Record && e.place.is_some_and(|p| p.file == file)
    })
}
