//! The reader through its update function and rendered buffers: every key path, and the main
//! screens as snapshots with their styles checked separately.
#![allow(clippy::unwrap_used)]

mod support;

use quire::analysis::EntityType;
use quire::tui::action::Action;
use quire::tui::app::{Focus, Mode};
use quire::tui::theme::Theme;
use support::tui::{act, draw, press, screen_text, seeds_app, style_of, style_of_below};

fn visible_ids(app: &quire::tui::app::App) -> Vec<String> {
    app.visible
        .iter()
        .map(|h| app.corpus.articles[h.index].id.clone())
        .collect()
}

#[test]
fn j_k_g_and_shift_g_move_through_the_list() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jj");
    assert_eq!(app.selected, 2);
    press(&mut app, "k");
    assert_eq!(app.selected, 1);
    press(&mut app, "G");
    assert_eq!(app.selected, 4);
    press(&mut app, "g");
    assert_eq!(app.selected, 0);
    press(&mut app, "<Down><Down><Up>");
    assert_eq!(app.selected, 1);
    press(&mut app, "<PageDown>");
    assert_eq!(
        app.selected, 4,
        "a page down goes to the end of a short list"
    );
    press(&mut app, "<C-u>");
    assert!(app.selected < 4);
}

#[test]
fn enter_opens_the_article_and_keys_scroll_it() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "G<Enter>");
    assert_eq!(app.focus, Focus::Article);
    press(&mut app, "jjj");
    assert_eq!(app.scroll, 3);
    press(&mut app, "<C-d>");
    assert!(app.scroll > 3);
    press(&mut app, "G");
    assert_eq!(app.scroll, app.max_scroll());
    press(&mut app, "g");
    assert_eq!(app.scroll, 0);
    press(&mut app, "<PageDown>");
    assert_eq!(app.scroll, app.article_text_height().min(app.max_scroll()));
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn slash_filters_by_entity_name_and_esc_restores_the_list() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "/mokhber");
    assert_eq!(app.mode, Mode::Filter);
    assert_eq!(visible_ids(&app), ["003_1896167c399c0b60"]);
    press(&mut app, "<Enter>");
    assert_eq!(app.mode, Mode::Browse, "Enter keeps the filter");
    assert_eq!(visible_ids(&app).len(), 1);
    press(&mut app, "<Esc>");
    assert_eq!(visible_ids(&app).len(), 5);
}

#[test]
fn filter_matches_dates_and_sources_and_esc_while_typing_clears() {
    let mut app = seeds_app(100, 30);
    // Matching folds case and is fuzzy (as in fzf): "tv" also spells out in two other
    // articles' fields, but only 003 names Press TV as its source.
    press(&mut app, "/Press TV");
    let ids = visible_ids(&app);
    assert!(ids.contains(&"003_1896167c399c0b60".to_string()));
    assert!(
        !ids.contains(&"004_32a518eb8c980e85".to_string()),
        "{ids:?}"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(visible_ids(&app).len(), 5);
    press(&mut app, "/2020-07");
    assert_eq!(visible_ids(&app), ["004_32a518eb8c980e85"]);
    press(
        &mut app,
        "<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>",
    );
    assert_eq!(visible_ids(&app).len(), 5);
}

#[test]
fn n_and_shift_n_step_through_quotes_and_show_the_speaker() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>n");
    assert_eq!(app.current_quote, Some(0));
    press(&mut app, "nn");
    assert_eq!(app.current_quote, Some(2));
    press(&mut app, "N");
    assert_eq!(app.current_quote, Some(1));
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(text.contains("quote 2/"), "{text}");
    assert!(text.contains("Mohammad Mokhber"), "{text}");
}

#[test]
fn quote_search_jumps_to_the_quote_in_its_article() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "\"visa waiver");
    assert_eq!(app.mode, Mode::QuoteSearch);
    let (article, quote) = app.index.quote_refs[app.quotes.hits[0].index];
    assert!(app.corpus.articles[article]
        .quote_text(&app.corpus.articles[article].quotes[quote])
        .contains("visa waiver"));
    press(&mut app, "<Enter>");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.selected_article(), Some(article));
    assert_eq!(app.current_quote, Some(quote));
    let line = app.layout.quote_lines[quote];
    assert!(
        line >= app.scroll && line < app.scroll + app.article_text_height(),
        "the quote is on screen"
    );
}

#[test]
fn quote_search_reaches_articles_hidden_by_the_filter_and_esc_returns() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "/mokhber<Enter>\"visa waiver<Enter>");
    assert_eq!(
        app.corpus.articles[app.selected_article().unwrap()].id,
        "000_1d064251b0bc818d"
    );
    press(&mut app, "\"xyz<Esc>");
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn entity_list_filters_articles_and_highlights_mentions() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "edaesh");
    assert_eq!(app.mode, Mode::Entities);
    let entity = app.entities.hits[0].index;
    assert_eq!(app.corpus.entities[entity].name, "Islamic State");
    press(&mut app, "<Enter>");
    assert_eq!(app.entity_filter, Some(entity));
    assert_eq!(app.chosen_entity, Some(entity));
    for hit in &app.visible {
        assert!(app.corpus.articles[hit.index]
            .entities
            .iter()
            .any(|m| m.entity() == entity));
    }
    assert!(app.visible.len() < 5);
    // `]` steps through that entity's mentions.
    press(&mut app, "<Enter>]");
    let article = &app.corpus.articles[app.selected_article().unwrap()];
    assert_eq!(
        article.entities[app.current_mention.unwrap()].entity(),
        entity
    );
    let first = app.current_mention;
    press(&mut app, "]");
    assert!(app.current_mention >= first);
    press(&mut app, "[");
    assert_eq!(app.current_mention, first);
    press(&mut app, "<Esc>");
    assert_eq!(app.visible.len(), 5);
}

#[test]
fn r_toggles_the_raw_text_with_debris() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>");
    let clean = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(
        !clean.contains("News"),
        "the breadcrumb is gone from the clean view"
    );
    press(&mut app, "r");
    assert!(app.raw);
    let raw = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(raw.contains("Politics"), "{raw}");
    press(&mut app, "r");
    assert!(!app.raw);
}

#[test]
fn help_lists_every_key_and_esc_closes_it() {
    let mut app = seeds_app(100, 40);
    press(&mut app, "?");
    assert_eq!(app.mode, Mode::Help);
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    for needle in ["j, <Down>", "search every quote", "LEGEND"] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn q_quits_and_ctrl_c_quits_from_a_prompt() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "q");
    assert!(app.should_quit);
    let mut app = seeds_app(100, 30);
    press(&mut app, "\"abc<C-c>");
    assert!(app.should_quit);
}

#[test]
fn narrow_terminal_shows_one_pane_and_tab_switches() {
    let mut app = seeds_app(60, 20);
    let list = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(
        list.contains("Articles 5/5") && !list.contains(" Article "),
        "{list}"
    );
    press(&mut app, "<Tab>");
    let article = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(
        article.contains(" Article ") && !article.contains("Articles 5/5"),
        "{article}"
    );
}

#[test]
fn resizing_relays_the_article_out_at_once() {
    let mut app = seeds_app(120, 30);
    let wide = app.layout.lines.len();
    act(
        &mut app,
        Action::Resize {
            width: 60,
            height: 20,
        },
    );
    assert_eq!(usize::from(app.layout.width), 58);
    assert!(app.layout.lines.len() > wide);
}

#[test]
fn too_small_a_terminal_says_so() {
    let app = seeds_app(20, 5);
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(text.contains("needs at least"), "{text}");
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut app = seeds_app(100, 30);
    act(
        &mut app,
        Action::Scroll {
            col: 80,
            row: 10,
            delta: 1,
        },
    );
    assert_eq!(app.scroll, 3, "the wheel over the article scrolls it");
    act(
        &mut app,
        Action::Scroll {
            col: 5,
            row: 5,
            delta: 1,
        },
    );
    assert_eq!(
        app.selected, 1,
        "the wheel over the list moves the selection"
    );
    act(&mut app, Action::Click { col: 5, row: 4 });
    assert_eq!(app.selected, 3);
}

#[test]
fn a_late_answer_to_an_old_query_is_dropped() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "/mokhber");
    let stale = app.index.rank(quire::tui::action::RankTarget::Articles, "");
    act(
        &mut app,
        Action::Ranked {
            generation: 0,
            target: quire::tui::action::RankTarget::Articles,
            answer: stale,
        },
    );
    assert_eq!(visible_ids(&app), ["003_1896167c399c0b60"]);
}

// Screens: text snapshots, styles asserted separately.

#[test]
fn snapshot_list_and_article() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>n");
    let theme = Theme::default();
    let terminal = draw(&app, &theme);
    let buffer = terminal.backend().buffer();
    insta::assert_snapshot!("list_and_article", screen_text(buffer));
    // A quote, the quote under the cursor, and an entity of each type have their styles.
    assert_eq!(
        style_of(buffer, "promoting stability and security")
            .unwrap()
            .fg,
        theme.quote.fg
    );
    assert_eq!(style_of(buffer, "Mokhber").unwrap().fg, theme.person.fg);
    assert_eq!(style_of(buffer, "Tehran").unwrap().fg, theme.place.fg);
    assert_eq!(style_of(buffer, "Iranian").unwrap().fg, theme.group.fg);
    assert_ne!(
        theme.entity(EntityType::Person),
        theme.quote,
        "entities and quotes differ"
    );
}

#[test]
fn snapshot_filter_active_with_matches_highlighted() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "/vice");
    let theme = Theme::default();
    let terminal = draw(&app, &theme);
    let buffer = terminal.backend().buffer();
    insta::assert_snapshot!("filter_active", screen_text(buffer));
    let style = style_of(buffer, "Vice president").unwrap();
    assert!(
        style.add_modifier.contains(theme.fuzzy_match.add_modifier),
        "the matched characters are highlighted"
    );
}

#[test]
fn snapshot_quote_search() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "\"sanctions");
    let terminal = draw(&app, &Theme::default());
    insta::assert_snapshot!("quote_search", screen_text(terminal.backend().buffer()));
}

#[test]
fn snapshot_entity_list() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "e");
    let theme = Theme::default();
    let terminal = draw(&app, &theme);
    let buffer = terminal.backend().buffer();
    insta::assert_snapshot!("entity_list", screen_text(buffer));
    assert_eq!(
        style_of(buffer, "Mustafa Al-Kazemi").unwrap().fg,
        theme.person.fg
    );
}

#[test]
fn snapshot_help() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "?");
    insta::assert_snapshot!(
        "help",
        screen_text(draw(&app, &Theme::default()).backend().buffer())
    );
}

#[test]
fn snapshot_narrow_terminal() {
    let mut app = seeds_app(60, 20);
    press(&mut app, "<Enter>");
    insta::assert_snapshot!(
        "narrow_article",
        screen_text(draw(&app, &Theme::default()).backend().buffer())
    );
}

#[test]
fn every_entity_type_and_reported_speech_have_their_style_on_screen() {
    let theme = Theme::default();
    for kind in EntityType::ALL {
        let mut app = seeds_app(100, 30);
        // The first article with a mention of this type, scrolled to it.
        let (a, m) = app
            .corpus
            .articles
            .iter()
            .enumerate()
            .find_map(|(a, article)| {
                article
                    .entities
                    .iter()
                    .position(|m| m.kind == kind)
                    .map(|m| (a, m))
            })
            .unwrap_or_else(|| panic!("the seeds mention no {kind:?}"));
        while app.selected_article() != Some(a) {
            press(&mut app, "j");
        }
        press(&mut app, "<Enter>");
        let line = app.layout.mention_lines[m];
        app.scroll = line.min(app.max_scroll());
        let mention = &app.corpus.articles[a].entities[m];
        let text = app.corpus.articles[a].text[mention.span()].to_string();
        let terminal = draw(&app, &theme);
        // Below the article's header (rows 1-3), where the text is.
        let style = style_of_below(terminal.backend().buffer(), &text, 4)
            .unwrap_or_else(|| panic!("{text} not on screen"));
        assert_eq!(style.fg, theme.entity(kind).fg, "{kind:?} {text}");
    }
    // Reported speech has its own style, distinct from direct quotes.
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>");
    let article = &app.corpus.articles[3];
    let q = article
        .quotes
        .iter()
        .position(|q| q.kind == quire::analysis::QuoteKind::Reported)
        .unwrap();
    let line = app.layout.quote_lines[q];
    // The words of the quote as laid out on its first line.
    let words: String = app.layout.lines[line]
        .segments
        .iter()
        .filter(|s| s.role.quote.is_some_and(|(_, i)| i == q))
        .map(|s| s.text.as_str())
        .collect();
    app.scroll = line.min(app.max_scroll());
    let terminal = draw(&app, &theme);
    // The cell where the quote starts: the article pane's text begins one column right of the
    // list pane, four rows down (border and header).
    let row = (4 + line - app.scroll) as u16;
    let before: usize = app.layout.lines[line]
        .segments
        .iter()
        .take_while(|s| s.role.quote.is_none_or(|(_, i)| i != q))
        .map(|s| unicode_width::UnicodeWidthStr::width(s.text.as_str()))
        .sum();
    let col = app.list_width() + 1 + before as u16;
    let cell = &terminal.backend().buffer()[(col, row)];
    assert_eq!(
        cell.symbol(),
        words.chars().next().unwrap().to_string(),
        "{words}"
    );
    assert_eq!(cell.style().fg, theme.reported.fg, "{words}");
    assert_ne!(theme.reported, theme.quote);
}

#[test]
fn right_to_left_paragraphs_are_right_aligned_in_reading_order() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "G<Enter>rG");
    let terminal = draw(&app, &Theme::default());
    let text = screen_text(terminal.backend().buffer());
    let arabic_line = text
        .lines()
        .find(|l| l.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)))
        .expect("the Arabic headline is in the raw view");
    // Right-aligned: the Arabic text ends at the pane's right border.
    let inner = arabic_line.trim_end_matches('│').trim_end_matches('│');
    assert!(!inner.ends_with(' '), "not right-aligned: {arabic_line:?}");
    // Visual order: each word's letters are drawn right to left ("بغداد", Baghdad, reversed), the
    // line's last word leftmost.
    assert!(
        arabic_line.contains(&"بغداد".chars().rev().collect::<String>()),
        "{arabic_line:?}"
    );
}

#[test]
fn no_color_theme_keeps_roles_distinguishable() {
    let theme = Theme::monochrome();
    let roles = [
        theme.quote,
        theme.reported,
        theme.current,
        theme.person,
        theme.org,
        theme.place,
        theme.group,
        theme.event,
        theme.other,
        theme.fuzzy_match,
    ];
    for (i, a) in roles.iter().enumerate() {
        assert!(a.fg.is_none(), "no colour under NO_COLOR");
        for b in &roles[i + 1..] {
            assert_ne!(a, b, "two roles look the same without colour");
        }
    }
}

#[test]
fn quote_search_folds_case_and_accents_and_highlights_the_original_letters() {
    let mut app = seeds_app(100, 30);
    // The seeds spell it "Kazemi"; a reader may type capitals and an accent.
    press(&mut app, "\"KAZÉMI");
    assert!(app.quotes.total > 0, "no hit for KAZÉMI");
    let mut plain = seeds_app(100, 30);
    press(&mut plain, "\"kazemi");
    assert_eq!(app.quotes.total, plain.quotes.total);
    assert_eq!(app.quotes.hits, plain.quotes.hits);
}

#[test]
fn a_partial_answer_shows_first_marked_and_the_complete_one_replaces_it() {
    use quire::tui::action::RankTarget;
    let mut app = seeds_app(100, 30);
    press(&mut app, "\"");
    let generation = app.quotes.generation + 1;
    app.quotes.generation = generation;
    app.quotes.query = "iran".into();
    let complete = app.index.rank(RankTarget::Quotes, "iran");
    let mut partial = complete.clone();
    partial.hits.truncate(2);
    partial.total = 2;
    partial.partial = true;
    for answer in [partial, complete.clone()] {
        act(
            &mut app,
            Action::Ranked {
                generation,
                target: RankTarget::Quotes,
                answer: answer.clone(),
            },
        );
        let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
        let count = if answer.partial {
            "2…/".to_string()
        } else {
            format!("{}/", complete.total)
        };
        assert!(text.contains(&count), "{count} missing:\n{text}");
    }
    assert!(!app.quotes.partial);
}

/// Until a new query's answer is in, the hits shown are an older query's: the count says so
/// ("…"), in quote search and in the article filter alike.
#[test]
fn the_hits_of_an_older_query_are_marked_pending() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "\"visa");
    let screen =
        |app: &quire::tui::app::App| screen_text(draw(app, &Theme::default()).backend().buffer());
    assert!(!screen(&app).contains("…/"), "answered:\n{}", screen(&app));
    // One more letter, its answer not yet in (the worker has not run).
    let command = quire::tui::update::update(&mut app, Action::Type('w'));
    assert!(command.is_some());
    assert!(screen(&app).contains("…/"), "pending:\n{}", screen(&app));
    press(&mut app, "<Esc>/iran");
    let command = quire::tui::update::update(&mut app, Action::Type('q'));
    assert!(command.is_some());
    assert!(app.filter.partial);
}

#[test]
fn the_worker_answers_the_newest_query() {
    use quire::tui::action::RankTarget;
    use quire::tui::ranking::spawn_worker;
    let app = seeds_app(100, 30);
    let (requests, answers) = spawn_worker(app.index.clone());
    for (generation, query) in ["i", "ir", "ira", "iran"].into_iter().enumerate() {
        requests.send(RankTarget::Quotes, generation as u64 + 1, query.into());
    }
    // Older queries may be answered or dropped; the newest always is, and last.
    let mut last = None;
    while let Ok(action) = answers.recv_timeout(std::time::Duration::from_secs(5)) {
        if let Action::Ranked {
            generation, answer, ..
        } = action
        {
            last = Some((generation, answer));
            if generation == 4 {
                break;
            }
        }
    }
    let (generation, answer) = last.expect("an answer");
    assert_eq!(generation, 4);
    assert_eq!(answer, app.index.rank(RankTarget::Quotes, "iran"));
}

#[test]
fn a_large_corpus_is_listed_while_it_is_analysed_then_replaced_keeping_the_place() {
    use quire::analysis::analyse_alone;
    use quire::review::Session;
    use std::sync::Arc;
    let progress = Arc::new(quire::cache::Progress::default());
    let mut app = quire::tui::app::App::loading(Session::new("test"), progress.clone());
    act(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    // Nothing yet: an empty list, and the status line says what is under way.
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(text.contains("Articles 0/0"), "{text}");
    assert!(text.contains("loading articles"), "{text}");
    assert!(text.contains("reading the corpus"), "{text}");
    progress
        .to_analyse
        .store(5, std::sync::atomic::Ordering::Relaxed);
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(text.contains("analysing 0/5"), "{text}");

    let documents = quire::corpus::seeds().documents;
    let previews: Vec<_> = documents
        .iter()
        .take(3)
        .map(|d| analyse_alone(d.clone()).preview())
        .collect();
    act(&mut app, Action::Preview(previews));
    assert_eq!(visible_ids(&app).len(), 3);
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(text.contains("Articles 3/3"), "{text}");
    // The list can be read (and an article opened); searching waits for the analysis.
    press(&mut app, "<Enter>");
    let text = screen_text(draw(&app, &Theme::default()).backend().buffer());
    assert!(text.contains("known once the corpus is analysed"), "{text}");
    press(&mut app, "<Tab>j");
    let chosen = visible_ids(&app)[1].clone();
    press(&mut app, "/");
    assert_eq!(app.mode, Mode::Browse);
    assert!(app
        .message
        .as_deref()
        .unwrap_or("")
        .contains("still analysing"));

    act(
        &mut app,
        Action::Loaded(Box::new(support::seeds_corpus()), None),
    );
    assert!(app.loading.is_none());
    assert_eq!(visible_ids(&app).len(), 5);
    assert_eq!(
        app.corpus.articles[app.selected_article().unwrap()].id,
        chosen,
        "the article the user moved to stays selected"
    );
    press(&mut app, "/mokhber");
    assert_eq!(visible_ids(&app), ["003_1896167c399c0b60"]);
}
