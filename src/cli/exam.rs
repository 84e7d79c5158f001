//! `gureum exam`: decides, before the TUI starts, whether to resume the running mock exam,
//! start a new one or refuse (exit 2), with [`gureum::quiz::exam::start::decide`].

use gureum::quiz::exam::menu::Choice;
use gureum::quiz::exam::start::{Decision, ExamRequest, decide};
use gureum::store::Store;
use gureum::strings::{Lang, Strings};

/// What the TUI should open.
#[derive(Debug)]
pub enum Prepared {
    /// New settings while an exam runs, without `--new`: the message was printed; exit 2.
    Refused,
    /// Open the exam screen: start this exam, or (`None`) resume the running one / show the
    /// menu.
    Open(Option<Choice>),
}

/// Applies `request` to the saved progress. The running exam is abandoned (for `--new`) only
/// when `can_start` (a terminal is there to start the new one).
pub fn prepare(request: &ExamRequest, lang: Lang, can_start: bool) -> anyhow::Result<Prepared> {
    let (mut store, _notices) = Store::open_default(gureum::clock::now())?;
    let decision = decide(store.running_exam(), request);
    Ok(match decision {
        Decision::Refuse { running, .. } => {
            errln!(
                "gureum: {}",
                Strings::new(lang).exam_running_refused(
                    running.exam.code(),
                    running.answered,
                    running.total
                )
            );
            Prepared::Refused
        }
        Decision::Resume => Prepared::Open(None),
        Decision::Menu { abandon } => {
            if abandon && can_start {
                store.abandon_exam();
                store.save()?;
            }
            Prepared::Open(None)
        }
        Decision::Start { choice, abandon } => {
            if abandon && can_start {
                store.abandon_exam();
                store.save()?;
            }
            Prepared::Open(Some(choice))
        }
    })
}
