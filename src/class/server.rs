//! The SSH side: who may connect, what a connection may ask for, and one task per student.
//!
//! Our own accept loop (rather than russh's) bounds the number of connections before any
//! cryptography runs and gives every connection a deadline to authenticate. A connection may
//! authenticate with the class code as password or through keyboard-interactive, nothing else;
//! wrong codes count per address and too many in a minute lock that address out for a minute.
//! After that it may open one `session` channel, ask for a pty and a shell; exec, subsystems
//! (sftp), X11, agent forwarding and every kind of port forwarding are refused.
//!
//! The shell is the class screen. The handler only forwards input (after the rate and paste
//! limits) and window sizes to the student's task, which owns a ratatui [`Terminal`] over a
//! [`Sink`]: ratatui writes escape sequences into a buffer and the task sends the buffer as
//! channel data after each frame. A slow student's task waits on its own channel window and
//! slows nobody else.
//!
//! Time is an input here too ([`crate::clock`]): the class runs on a [`ClassClock`] (its
//! milliseconds since the server started), and each event reads the monotonic clock once where
//! it enters (a code tried, input bytes arriving, a turn of a student's screen loop) and hands
//! that reading down.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::server::{Auth, Handle, Msg, Response, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};

use super::input::InputParser;
use super::screen::{ClassScreen, Ctx, Effect, Snapshot};
use super::state::{Class, JoinError, Refused, items_for};
use crate::clock::UnixMillis;
use crate::lesson::Library;
use crate::quiz::Bank;
use crate::strings::{Lang, Strings};

/// The bounds on what one connection, one address and the server accept.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Open TCP connections at once (authenticated or not).
    pub max_connections: usize,
    /// Time to finish authentication.
    pub auth_timeout: Duration,
    /// A connection that sends nothing for this long is closed.
    pub idle_timeout: Duration,
    /// Wrong codes per address per minute before the address is locked out for a minute.
    pub max_failures: u32,
    /// Input bytes per second per connection (a burst of twice this is allowed).
    pub input_bytes_per_sec: u32,
    /// A single input packet larger than this is a paste and is dropped whole.
    pub max_paste: usize,
    /// The largest window drawn (larger windows are drawn at this size).
    pub max_size: (u16, u16),
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: 256,
            auth_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(15 * 60),
            max_failures: 10,
            input_bytes_per_sec: 512,
            max_paste: 256,
            max_size: (300, 120),
        }
    }
}

/// The class's clock: milliseconds since the server started (monotonic, so a wall-clock
/// change cannot move a deadline), and the wall-clock time of that start, so that one
/// monotonic reading per event gives both.
#[derive(Debug, Clone, Copy)]
pub struct ClassClock {
    start: Instant,
    start_wall: UnixMillis,
}

impl ClassClock {
    /// A clock whose zero is `start`, which was `start_wall` on the wall clock (both read
    /// once, where the server starts).
    pub fn new(start: Instant, start_wall: UnixMillis) -> Self {
        Self { start, start_wall }
    }

    /// Milliseconds from the start to `at` (0 before it): the class's time at `at`.
    pub fn ms_at(&self, at: Instant) -> u64 {
        u64::try_from(at.saturating_duration_since(self.start).as_millis()).unwrap_or(u64::MAX)
    }

    /// The wall-clock time at `at`.
    pub fn wall_at(&self, at: Instant) -> UnixMillis {
        UnixMillis(self.start_wall.millis().saturating_add(self.ms_at(at)))
    }
}

/// Everything the connections and the dashboard share.
pub struct Shared {
    /// The class (lock briefly; never across an `.await`).
    pub class: Mutex<Class>,
    /// The question banks.
    pub bank: Arc<Bank>,
    /// The lessons.
    pub library: Arc<Library>,
    /// The class code.
    code: String,
    /// Where each student's result file goes.
    pub results: Option<PathBuf>,
    /// Bumped when something every student sees changes.
    changed: watch::Sender<u64>,
    /// The class's clock.
    pub clock: ClassClock,
    failures: Mutex<HashMap<IpAddr, (Instant, u32)>>,
    connections: AtomicUsize,
    /// Server-side timing of keys and frames (`stats` in `--headless`, the load test).
    pub timing: Timing,
    /// The limits in force.
    pub limits: Limits,
    /// Language of the messages sent before the screen opens.
    pub lang: Lang,
}

impl Shared {
    /// Shared state for a class with this code, on `clock`.
    pub fn new(
        class: Class,
        bank: Arc<Bank>,
        library: Arc<Library>,
        code: String,
        results: Option<PathBuf>,
        limits: Limits,
        clock: ClassClock,
    ) -> Self {
        Self {
            class: Mutex::new(class),
            bank,
            library,
            code,
            results,
            changed: watch::channel(0).0,
            clock,
            failures: Mutex::new(HashMap::new()),
            connections: AtomicUsize::new(0),
            timing: Timing::default(),
            limits,
            lang: Lang::Ko,
        }
    }

    /// The class, even if a thread panicked while holding it (its data stays consistent:
    /// every change is made in one step).
    pub fn lock(&self) -> MutexGuard<'_, Class> {
        self.class
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The class's time at `at` (milliseconds since the server started).
    pub fn ms_at(&self, at: Instant) -> u64 {
        self.clock.ms_at(at)
    }

    /// Tells every student's screen to redraw and re-check its place (after a teacher's key).
    pub fn notify(&self) {
        self.changed.send_modify(|v| *v += 1);
    }

    /// Open connections now.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::Relaxed)
    }

    /// Whether `code` is the class code (compared in constant time).
    fn code_ok(&self, code: &[u8]) -> bool {
        let want = self.code.as_bytes();
        let mut diff = want.len() ^ code.len();
        for (i, w) in want.iter().enumerate() {
            diff |= usize::from(w ^ code.get(i).copied().unwrap_or(0));
        }
        diff == 0
    }

    /// Whether `ip` tried too many wrong codes in the minute before `now`.
    fn locked_out(&self, ip: Option<IpAddr>, now: Instant) -> bool {
        let Some(ip) = ip else { return false };
        let map = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.get(&ip).is_some_and(|(since, n)| {
            *n >= self.limits.max_failures && now.saturating_duration_since(*since) < MINUTE
        })
    }

    /// Counts a wrong code from `ip` at `now`.
    fn failed(&self, ip: Option<IpAddr>, now: Instant) {
        let Some(ip) = ip else { return };
        let mut map = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Forget old entries so the map cannot grow without bound.
        if map.len() > 10_000 {
            map.retain(|_, (since, _)| now.saturating_duration_since(*since) < MINUTE);
        }
        let e = map.entry(ip).or_insert((now, 0));
        if now.saturating_duration_since(e.0) >= MINUTE {
            *e = (now, 0);
        }
        e.1 += 1;
    }

    /// Saves a student's answers so far as a result file (written whole: temp file, rename).
    pub fn save(&self, key: &str) -> std::io::Result<()> {
        let Some(dir) = &self.results else {
            return Ok(());
        };
        let result = self.lock().result_of(&self.bank, key);
        let Some(result) = result else { return Ok(()) };
        let path = dir.join(format!("{key}.json"));
        let tmp = dir.join(format!(".{key}.json.tmp"));
        std::fs::write(&tmp, result.to_json())?;
        std::fs::rename(&tmp, &path)
    }
}

/// The window of the wrong-code limit (and of the lock-out it leads to).
const MINUTE: Duration = Duration::from_secs(60);

/// The russh server configuration: our host key, password and keyboard-interactive only.
pub fn config(key: russh::keys::PrivateKey, limits: &Limits) -> russh::server::Config {
    russh::server::Config {
        methods: MethodSet::from(&[MethodKind::Password, MethodKind::KeyboardInteractive][..]),
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::from_secs(0)),
        max_auth_attempts: 3,
        keys: vec![key],
        inactivity_timeout: Some(limits.idle_timeout),
        keepalive_interval: None,
        nodelay: true,
        // Students type and read; a small window keeps memory per connection small.
        window_size: 256 * 1024,
        ..Default::default()
    }
}

/// Accepts connections until the listener fails; each runs in its own task.
pub async fn serve(shared: Arc<Shared>, listener: TcpListener, config: Arc<russh::server::Config>) {
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        if shared.connections.load(Ordering::Relaxed) >= shared.limits.max_connections {
            drop(stream);
            continue;
        }
        shared.connections.fetch_add(1, Ordering::Relaxed);
        let _ = stream.set_nodelay(true);
        let shared = shared.clone();
        let config = config.clone();
        tokio::spawn(async move {
            // A connection arriving is an event: its input budget starts full now.
            let handler = Conn::new(shared.clone(), peer, Instant::now());
            let authed = handler.authed.clone();
            let timeout = shared.limits.auth_timeout;
            let started =
                tokio::time::timeout(timeout, russh::server::run_stream(config, stream, handler))
                    .await;
            if let Ok(Ok(session)) = started {
                let handle = session.handle();
                let guard = tokio::spawn(async move {
                    tokio::time::sleep(timeout).await;
                    if !authed.load(Ordering::Relaxed) {
                        let _ = handle
                            .disconnect(
                                russh::Disconnect::ByApplication,
                                "authentication timeout".into(),
                                String::new(),
                            )
                            .await;
                    }
                });
                let _ = session.await;
                guard.abort();
            }
            shared.connections.fetch_sub(1, Ordering::Relaxed);
        });
    }
}

/// Input for a student's task.
enum Input {
    /// Key bytes, and when the handler got them (decrypted) from the connection.
    Bytes(Vec<u8>, Instant),
    Resize(u16, u16),
}

/// How long the server itself takes per key: from the decrypted bytes reaching the handler to
/// the frame that shows them handed to the connection for sending (channel queue included,
/// network and the client not). Keeps the latest [`Timing::KEEP`] keys.
#[derive(Debug, Default)]
pub struct Timing(Mutex<TimingData>);

#[derive(Debug, Default)]
struct TimingData {
    /// Microseconds per key (a ring of the latest).
    keys: Vec<u32>,
    next: usize,
    frames: u64,
    render_us: u64,
    bytes: u64,
}

/// A summary of [`Timing`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimingSummary {
    /// Keys measured.
    pub keys: usize,
    /// Median handling time, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile, milliseconds.
    pub p99_ms: f64,
    /// Longest, milliseconds.
    pub max_ms: f64,
    /// Frames drawn (all students).
    pub frames: u64,
    /// Mean time to draw a frame and take its bytes, microseconds.
    pub render_us: f64,
    /// Bytes of screen updates sent (all students).
    pub bytes: u64,
}

impl Timing {
    /// Keys kept for the percentiles.
    pub const KEEP: usize = 1 << 16;

    fn data(&self) -> MutexGuard<'_, TimingData> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn key(&self, took: Duration) {
        let us = u32::try_from(took.as_micros()).unwrap_or(u32::MAX);
        let mut d = self.data();
        if d.keys.len() < Self::KEEP {
            d.keys.push(us);
        } else {
            let i = d.next;
            d.keys[i] = us;
            d.next = (i + 1) % Self::KEEP;
        }
    }

    fn frame(&self, took: Duration, bytes: usize) {
        let mut d = self.data();
        d.frames += 1;
        d.render_us += u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        d.bytes += bytes as u64;
    }

    /// The figures so far.
    pub fn summary(&self) -> TimingSummary {
        let d = self.data();
        let mut keys = d.keys.clone();
        let (frames, render_us, bytes) = (d.frames, d.render_us, d.bytes);
        drop(d);
        keys.sort_unstable();
        let pct = |p: f64| {
            let i = ((keys.len() as f64 * p) as usize).min(keys.len().saturating_sub(1));
            keys.get(i).map_or(0.0, |&v| f64::from(v) / 1000.0)
        };
        TimingSummary {
            keys: keys.len(),
            p50_ms: pct(0.5),
            p99_ms: pct(0.99),
            max_ms: pct(1.0),
            frames,
            render_us: if frames == 0 {
                0.0
            } else {
                render_us as f64 / frames as f64
            },
            bytes,
        }
    }
}

/// Per-connection input budget (a token bucket in bytes).
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// One SSH connection.
struct Conn {
    shared: Arc<Shared>,
    peer: Option<IpAddr>,
    user: Option<String>,
    authed: Arc<AtomicBool>,
    channel: Option<ChannelId>,
    size: Option<(u16, u16)>,
    tx: Option<mpsc::Sender<Input>>,
    bucket: Bucket,
    /// The kinds of refusal already logged for this connection ([`Refused::bit`]).
    logged: u8,
}

impl Conn {
    fn new(shared: Arc<Shared>, peer: SocketAddr, now: Instant) -> Self {
        let burst = f64::from(shared.limits.input_bytes_per_sec) * 2.0;
        Self {
            shared,
            peer: Some(peer.ip()),
            user: None,
            authed: Arc::new(AtomicBool::new(false)),
            channel: None,
            size: None,
            tx: None,
            bucket: Bucket {
                tokens: burst,
                last: now,
            },
            logged: 0,
        }
    }

    /// Refuses a channel a student may not open (forwarding, X11) and logs it for the teacher.
    async fn refuse_open(&mut self, what: Refused, reply: russh::server::ChannelOpenHandle) {
        self.refused(what);
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
    }

    /// Logs a refusal for the teacher, once per kind per connection (a client asking again
    /// and again cannot flood the log).
    fn refused(&mut self, what: Refused) {
        if self.logged & what.bit() == 0 {
            self.logged |= what.bit();
            let login = self.user.as_deref().unwrap_or("?");
            self.shared.lock().refused(login, what);
        }
    }

    fn clamp(&self, cols: u32, rows: u32) -> (u16, u16) {
        let (w, h) = self.shared.limits.max_size;
        // A client that reports no size (0×0) gets the classic 80×24.
        let cols = if cols == 0 { 80 } else { cols };
        let rows = if rows == 0 { 24 } else { rows };
        (cols.min(u32::from(w)) as u16, rows.min(u32::from(h)) as u16)
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    fn accept(&mut self, user: &str) -> Auth {
        self.user = Some(user.to_owned());
        self.authed.store(true, Ordering::Relaxed);
        Auth::Accept
    }
}

fn refuse(session: &mut Session, channel: ChannelId) -> Result<(), russh::Error> {
    session.channel_failure(channel)?;
    session.close(channel)
}

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        Ok(Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(
                &[MethodKind::Password, MethodKind::KeyboardInteractive][..],
            )),
            partial_success: false,
        })
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        _key: &russh::keys::PublicKey,
    ) -> Result<Auth, Self::Error> {
        Ok(Auth::reject())
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        let now = Instant::now();
        if self.shared.locked_out(self.peer, now) {
            return Ok(Auth::reject());
        }
        if self.shared.code_ok(password.as_bytes()) {
            return Ok(self.accept(user));
        }
        self.shared.failed(self.peer, now);
        Ok(Auth::reject())
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        response: Option<Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        let now = Instant::now();
        if self.shared.locked_out(self.peer, now) {
            return Ok(Auth::reject());
        }
        let Some(mut response) = response else {
            let prompt = Strings::new(self.shared.lang).class_code_prompt();
            return Ok(Auth::Partial {
                name: "gureum".into(),
                instructions: "".into(),
                prompts: vec![(prompt.into(), false)].into(),
            });
        };
        let answer = response.next();
        if answer.is_some_and(|a| self.shared.code_ok(&a)) {
            return Ok(self.accept(user));
        }
        self.shared.failed(self.peer, now);
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One session per connection; dropping the reply refuses the channel.
        if self.channel.is_none() && self.user.is_some() {
            self.channel = Some(channel.id());
            reply.accept().await;
        } else {
            self.refused(Refused::Session);
        }
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host: &str,
        _port: u32,
        _originator: &str,
        _originator_port: u32,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_open(Refused::Forwarding, reply).await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _path: &str,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_open(Refused::Forwarding, reply).await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator: &str,
        _originator_port: u32,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_open(Refused::X11OrAgent, reply).await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.tx.is_some() {
            return session.channel_failure(channel);
        }
        self.size = Some(self.clamp(cols, rows));
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (Some(user), true, None) = (self.user.clone(), self.ours(channel), self.tx.as_ref())
        else {
            return refuse(session, channel);
        };
        let Some(size) = self.size else {
            let msg = format!("{}\r\n", Strings::new(self.shared.lang).class_need_pty());
            session.channel_failure(channel)?;
            session.data(channel, msg.into_bytes())?;
            session.exit_status_request(channel, 1)?;
            return session.close(channel);
        };
        session.channel_success(channel)?;
        let (tx, rx) = mpsc::channel(64);
        self.tx = Some(tx);
        let shared = self.shared.clone();
        let handle = session.handle();
        tokio::spawn(student(shared, handle, channel, user, size, rx));
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refused::Exec);
        refuse(session, channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refused::Subsystem);
        refuse(session, channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refused::X11OrAgent);
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refused::X11OrAgent);
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refused::Forwarding);
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refused::Forwarding);
        Ok(false)
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(tx) = self.tx.as_ref().filter(|_| self.channel == Some(channel)) else {
            return Ok(());
        };
        if data.len() > self.shared.limits.max_paste {
            return Ok(());
        }
        // The bytes' arrival: the one reading of this event, for the budget and the timing.
        let now = Instant::now();
        let rate = f64::from(self.shared.limits.input_bytes_per_sec);
        let b = &mut self.bucket;
        let refill = now.saturating_duration_since(b.last).as_secs_f64() * rate;
        b.tokens = (b.tokens + refill).min(rate * 2.0);
        b.last = now;
        if b.tokens < data.len() as f64 {
            return Ok(());
        }
        b.tokens -= data.len() as f64;
        // A full queue means the student types faster than the screen keeps up: drop the keys.
        let _ = tx.try_send(Input::Bytes(data.to_vec(), now));
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            let (w, h) = self.clamp(cols, rows);
            self.size = Some((w, h));
            if let Some(tx) = &self.tx {
                let _ = tx.try_send(Input::Resize(w, h));
            }
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.tx = None;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.tx = None;
        }
        Ok(())
    }
}

/// The byte buffer ratatui draws into; the student's task keeps a second handle to it and
/// sends what it holds after each frame.
#[derive(Debug, Default, Clone)]
pub struct Sink(pub Arc<Mutex<Vec<u8>>>);

impl Sink {
    /// Takes what was written so far.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(
            &mut *self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Enter the alternate screen, hide the cursor, clear.
const SCREEN_ON: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[2J";
/// Show the cursor, leave the alternate screen.
const SCREEN_OFF: &[u8] = b"\x1b[?25h\x1b[?1049l";

async fn say_and_close(handle: &Handle, channel: ChannelId, text: &str, status: u32) {
    let _ = handle
        .data(channel, format!("{text}\r\n").into_bytes())
        .await;
    let _ = handle.exit_status_request(channel, status).await;
    let _ = handle.eof(channel).await;
    let _ = handle.close(channel).await;
}

/// One student's session: join, draw, take keys, save answers, leave.
async fn student(
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    name: String,
    size: (u16, u16),
    mut rx: mpsc::Receiver<Input>,
) {
    let s = Strings::new(shared.lang);
    let joined = shared.lock().join(&name);
    let (key, generation) = match joined {
        Ok(k) => {
            if k.1 > 1 {
                // The same name came back: an older connection of it must leave.
                shared.notify();
            }
            k
        }
        Err(e) => {
            let msg = match e {
                JoinError::BadName => s.class_bad_name(),
                JoinError::Full => s.class_full(),
                JoinError::Kicked => s.class_kicked(),
            };
            say_and_close(&handle, channel, msg, 1).await;
            return;
        }
    };
    let (items, display) = {
        let class = shared.lock();
        let display = class
            .student(&key)
            .map_or_else(|| name.clone(), |st| st.name.clone());
        (items_for(&class.spec.items, class.spec.seed, &key), display)
    };
    let mut changed = shared.changed.subscribe();
    let end_message = run_screen(
        &shared,
        &handle,
        channel,
        (&key, generation),
        &display,
        &items,
        size,
        &mut rx,
        &mut changed,
    )
    .await;
    shared.lock().leave(&key, generation);
    let _ = handle.data(channel, SCREEN_OFF.to_vec()).await;
    let text = match end_message {
        EndReason::Quit => s.class_bye(),
        EndReason::Kicked => s.class_kicked(),
        EndReason::TakenOver => s.class_taken_over(),
        EndReason::Gone => return,
    };
    say_and_close(&handle, channel, text, 0).await;
}

enum EndReason {
    Quit,
    Kicked,
    TakenOver,
    Gone,
}

/// What student `key` sees of the class at `now` (the class's milliseconds).
fn snapshot(shared: &Shared, key: &str, now: u64) -> Snapshot {
    let class = shared.lock();
    Snapshot {
        phase: class.phase(),
        remaining_ms: class.remaining_ms(now),
        revealed: class.revealed,
        answers: class
            .student(key)
            .map(|s| s.answers.clone())
            .unwrap_or_default(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn run_screen(
    shared: &Shared,
    handle: &Handle,
    channel: ChannelId,
    (key, generation): (&str, u64),
    name: &str,
    items: &[crate::quiz::session::Item],
    (w, h): (u16, u16),
    rx: &mut mpsc::Receiver<Input>,
    changed: &mut watch::Receiver<u64>,
) -> EndReason {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let sink = Sink::default();
    let Ok(mut terminal) = Terminal::with_options(CrosstermBackend::new(sink.clone()), options)
    else {
        return EndReason::Gone;
    };
    let _ = handle.data(channel, SCREEN_ON.to_vec()).await;
    let mut parser = InputParser::new();
    // The screen opening is an event: one reading for its first snapshot.
    let opened = shared.ms_at(Instant::now());
    let mut snap = snapshot(shared, key, opened);
    let mut screen = ClassScreen::new(name, shared.lang, &snap, opened);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // When the oldest key not yet shown arrived.
    let mut pending: Option<Instant> = None;
    loop {
        // One reading per turn: the class's time for this frame, and the frame's start for
        // the server's own timing (which reads the clock again only to measure durations).
        let drawn = Instant::now();
        let now = shared.ms_at(drawn);
        snap = snapshot(shared, key, now);
        let ctx = Ctx {
            bank: &shared.bank,
            library: &shared.library,
            items,
            snap: &snap,
            now_ms: now,
        };
        if terminal.draw(|f| screen.render(f, f.area(), &ctx)).is_err() {
            return EndReason::Gone;
        }
        let bytes = sink.take();
        shared.timing.frame(drawn.elapsed(), bytes.len());
        if !bytes.is_empty() && handle.data(channel, bytes).await.is_err() {
            return EndReason::Gone;
        }
        if let Some(at) = pending.take() {
            shared.timing.key(at.elapsed());
        }
        tokio::select! {
            input = rx.recv() => match input {
                None => return EndReason::Gone,
                Some(Input::Resize(w, h)) => {
                    if terminal.resize(Rect::new(0, 0, w, h)).is_err() {
                        return EndReason::Gone;
                    }
                }
                Some(Input::Bytes(bytes, at)) => {
                    pending.get_or_insert(at);
                    // The keys' time is when they arrived (read once, in the handler).
                    let now = shared.ms_at(at);
                    snap = snapshot(shared, key, now);
                    for k in parser.feed(&bytes) {
                        let ctx = Ctx { bank: &shared.bank, library: &shared.library, items, snap: &snap, now_ms: now };
                        match screen.update(k, &ctx) {
                            Effect::None => {}
                            Effect::Quit => return EndReason::Quit,
                            Effect::Answer { n, chosen, time_ms } => {
                                let taken = shared.lock().answer(&shared.bank, key, n, chosen, time_ms);
                                if taken.is_ok() && shared.save(key).is_err() {
                                    screen.message = Some(Strings::new(screen.lang).class_not_saved().to_owned());
                                }
                                snap = snapshot(shared, key, now);
                                let ctx = Ctx { bank: &shared.bank, library: &shared.library, items, snap: &snap, now_ms: now };
                                if taken.is_ok() {
                                    screen.answered(&ctx);
                                }
                            }
                        }
                    }
                }
            },
            res = changed.changed() => {
                if res.is_err() {
                    return EndReason::Gone;
                }
                let class = shared.lock();
                if !class.is_current(key, generation) {
                    let kicked = class.student(key).is_some_and(|s| s.kicked);
                    return if kicked { EndReason::Kicked } else { EndReason::TakenOver };
                }
            }
            _ = tick.tick() => {}
        }
    }
}
