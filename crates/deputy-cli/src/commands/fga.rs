//! `deputy fga …`.

use crate::args::{FgaCommand, FgaModelCommand, GlobalArgs, ModelForm, OutputFormat};
use crate::render;
use std::io::Write;
use std::process::ExitCode;

pub fn run(g: &GlobalArgs, cmd: &FgaCommand, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    match cmd {
        FgaCommand::Test { files } => {
            let mut outcomes = Vec::new();
            for file in files {
                outcomes.push(deputy_app::fga_test(file)?);
            }
            let passed: usize = outcomes.iter().map(|o| o.passed).sum();
            let failed: usize = outcomes.iter().map(|o| o.failed).sum();
            if g.output_format()? == OutputFormat::Json {
                render::json(out, &outcomes)?;
            } else {
                for o in &outcomes {
                    writeln!(out, "{} ({} file)", o.file, o.kind)?;
                    for s in &o.sections {
                        writeln!(out, "  {s}")?;
                    }
                    for f in &o.failures {
                        writeln!(out, "  FAIL {f}")?;
                    }
                }
                writeln!(out, "{passed} passed, {failed} failed")?;
            }
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        FgaCommand::Model(FgaModelCommand::Validate { file }) => {
            let model = deputy_app::fga_read_model(file)?;
            writeln!(
                out,
                "{}: valid (schema {}, {} types, {} conditions)",
                file.display(),
                model.schema_version,
                model.type_definitions.len(),
                model.conditions.len()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        FgaCommand::Model(FgaModelCommand::Transform { file, to }) => {
            let model = deputy_app::fga_read_model(file)?;
            out.write_all(deputy_app::fga_transform(&model, *to == ModelForm::Dsl).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
