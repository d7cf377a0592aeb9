//! The reader's state as the benches drive it: an app on a corpus, sized like the terminal
//! they measure (160x50).

use quire::analysis::Corpus;
use quire::tui::action::Action;
use quire::tui::app::App;
use quire::tui::update::update;

/// A new app on `corpus`, in a 160x50 terminal.
pub fn sized_app(corpus: Corpus) -> App {
    let mut app = App::new(corpus);
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 50,
        },
    );
    app
}
