//! The ranking worker: fuzzy searches run on their own thread so that no key waits on them.
//! Only the newest query of each list matters: older requests waiting in the queue are
//! skipped, and a search in progress gives up between chunks as soon as a newer query for the
//! same list arrives. On a large list a first answer over part of the candidates is sent
//! ahead of the complete one, so hits appear while the rest is ranked.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;

use super::action::{Action, RankTarget};
use super::app::SearchIndex;
use crate::search::Searcher;

/// Above this many candidates, a partial answer over the first `PARTIAL_CANDIDATES` comes first.
const PARTIAL_THRESHOLD: usize = 200_000;
const PARTIAL_CANDIDATES: usize = 100_000;

const TARGETS: [RankTarget; 3] = [
    RankTarget::Articles,
    RankTarget::Quotes,
    RankTarget::Entities,
];

fn slot(target: RankTarget) -> usize {
    match target {
        RankTarget::Articles => 0,
        RankTarget::Quotes => 1,
        RankTarget::Entities => 2,
    }
}

/// The UI thread's end: sends queries, and marks them newest so that older work stops.
pub struct RankRequests {
    tx: mpsc::Sender<Request>,
    latest: Arc<[AtomicU64; 3]>,
}

enum Request {
    Rank(RankTarget, u64, String),
    /// The corpus changed (its analysis finished): search this index from now on.
    Index(Arc<SearchIndex>),
}

impl RankRequests {
    pub fn send(&self, target: RankTarget, generation: u64, query: String) {
        self.latest[slot(target)].store(generation, Ordering::SeqCst);
        // The worker only stops when the UI is gone; nothing to do if it has.
        let _ = self.tx.send(Request::Rank(target, generation, query));
    }

    pub fn set_index(&self, index: Arc<SearchIndex>) {
        let _ = self.tx.send(Request::Index(index));
    }
}

/// Starts the worker; its answers arrive as `Action::Ranked` on the returned receiver.
pub fn spawn_worker(index: Arc<SearchIndex>) -> (RankRequests, mpsc::Receiver<Action>) {
    let (tx, rx) = mpsc::channel::<Request>();
    let (done_tx, done_rx) = mpsc::channel();
    let latest: Arc<[AtomicU64; 3]> = Arc::new(Default::default());
    let newest = latest.clone();
    thread::spawn(move || {
        let mut index = index;
        // Queries wait while the indexes are built; the reader is usable meanwhile.
        index.build_all();
        let mut searchers: [Searcher; 3] = Default::default();
        while let Ok(first) = rx.recv() {
            let mut pending: [Option<(u64, String)>; 3] = Default::default();
            let mut take = |request: Request, index: &mut Arc<SearchIndex>| match request {
                Request::Rank(target, generation, query) => {
                    pending[slot(target)] = Some((generation, query));
                }
                Request::Index(new) => {
                    *index = new;
                    searchers = Default::default();
                    index.build_all();
                }
            };
            take(first, &mut index);
            while let Ok(request) = rx.try_recv() {
                take(request, &mut index);
            }
            for target in TARGETS {
                let Some((generation, query)) = pending[slot(target)].take() else {
                    continue;
                };
                let cancelled = || newest[slot(target)].load(Ordering::SeqCst) != generation;
                // False once the reader is gone.
                let answer = |answer| {
                    let ranked = Action::Ranked {
                        generation,
                        target,
                        answer,
                    };
                    done_tx.send(ranked).is_ok()
                };
                let searcher = &mut searchers[slot(target)];
                let candidates = searcher.candidates(index.len(target), &query);
                if candidates > PARTIAL_THRESHOLD && !query.trim().is_empty() {
                    if let Some(partial) =
                        index.search_partial(target, &query, PARTIAL_CANDIDATES, &cancelled)
                    {
                        if !answer(partial) {
                            return;
                        }
                    }
                }
                // None: a newer query is waiting.
                if let Some(complete) = index.search(target, &query, searcher, &cancelled) {
                    if !answer(complete) {
                        return;
                    }
                }
            }
        }
    });
    (RankRequests { tx, latest }, done_rx)
}
