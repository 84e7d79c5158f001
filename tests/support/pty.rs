//! A terminal for end-to-end tests: the release binary in a pseudo-terminal, its output read by a
//! terminal emulator (`vt100`), so the tests need nothing but cargo (no tmux).
//!
//! [`Pty::gureum`] starts `gureum` at a given size with its own data folder; [`Pty::sh`] runs a
//! shell script instead (to look at the terminal modes after the app exits). Keys use tmux's
//! names (`Enter`, `Escape`, `C-c`, `Down`), text goes in as typed, and [`Pty::wait_for`] polls the
//! emulated screen until a string appears (failing with the screen after 20 s).
#![allow(dead_code)] // each test file uses a part of the harness
#![allow(clippy::missing_panics_doc)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{JoinHandle, sleep};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long [`Pty::wait_for`] waits before failing.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The binary under test: cargo's for integration tests; for an example (which cargo gives no
/// such variable) the release binary beside it in `target/release`.
pub const BIN: &str = match option_env!("CARGO_BIN_EXE_gureum") {
    Some(bin) => bin,
    None => concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/gureum"),
};

/// A program running in a pseudo-terminal, with an emulated screen.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    /// Bytes to the writing thread, and its word when they are written (none once it is gone).
    writer: Option<(Sender<Vec<u8>>, Receiver<()>)>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows: rows.max(1),
        cols: cols.max(1),
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    /// Starts `cmd` in a `cols`x`rows` terminal (TERM=xterm-256color, in the current folder).
    pub fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Self {
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        if cmd.get_cwd().is_none() {
            cmd.cwd(std::env::current_dir().expect("a current folder"));
        }
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal");
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        // The child holds its own copy; ours would keep the terminal open after it exits.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let mut out = pair.master.try_clone_reader().expect("a reader");
        let raw = Arc::new(Mutex::new(Vec::new()));
        let screen = Arc::clone(&parser);
        let bytes = Arc::clone(&raw);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            // Ends at EOF or EIO: every process holding the terminal has exited.
            while let Ok(n @ 1..) = out.read(&mut buf) {
                let got = buf.get(..n).unwrap_or_default();
                let mut kept = bytes.lock().unwrap_or_else(PoisonError::into_inner);
                // Only the latest output matters to a test; a fuzz run writes without end.
                if kept.len() > 4 << 20 {
                    kept.clear();
                }
                kept.extend_from_slice(got);
                drop(kept);
                screen
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .process(buf.get(..n).unwrap_or_default());
            }
        });
        let writer = writer_thread(pair.master.take_writer().expect("a writer"));
        Self {
            master: pair.master,
            writer: Some(writer),
            child,
            parser,
            raw,
            reader: Some(reader),
            status: None,
        }
    }

    /// Starts `gureum args…` with `data` as its data folder and an empty config folder beside it
    /// (or `GUREUM_CONFIG_DIR` from `env`), plus the extra environment `env`.
    pub fn gureum(data: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.env("GUREUM_DATA_DIR", data);
        cmd.env("GUREUM_CONFIG_DIR", data.join("config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        Self::spawn(cmd, cols, rows)
    }

    /// Runs `script` with `sh -c` in a `cols`x`rows` terminal.
    pub fn sh(script: &str, cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        Self::spawn(cmd, cols, rows)
    }

    /// The process id of the program (for signals).
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Writes raw bytes to the terminal, as typed or pasted. Waits while the program's input
    /// queue is full (as a terminal does); returns at once if the program has exited.
    pub fn send(&mut self, bytes: &[u8]) {
        let Some((tx, done)) = self.writer.take() else {
            return;
        };
        if bytes.is_empty() {
            self.writer = Some((tx, done));
            return;
        }
        if tx.send(bytes.to_vec()).is_err() {
            return;
        }
        loop {
            match done.recv_timeout(Duration::from_millis(20)) {
                Ok(()) => break,
                Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) if self.exited() => {
                    // The program quit while its input queue was full (it reads a quit key out
                    // of a long queue): nothing reads the rest, and the write would wait for
                    // ever. Read the queue from the terminal's own side until the write is done.
                    if self.drain_input(&done) {
                        break;
                    }
                    return;
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
        self.writer = Some((tx, done));
    }

    /// Reads the program's unread input from the terminal device until `done` (the pending write
    /// finished); false if it did not within a few seconds.
    fn drain_input(&self, done: &Receiver<()>) -> bool {
        use std::os::unix::fs::OpenOptionsExt;
        #[cfg(target_os = "linux")]
        const FLAGS: i32 = 0o4000 | 0o400; // O_NONBLOCK | O_NOCTTY
        #[cfg(not(target_os = "linux"))]
        const FLAGS: i32 = 0x0004 | 0x20000; // the BSDs' and macOS's values
        let Some(path) = self.master.tty_name() else {
            return false;
        };
        let Ok(mut tty) = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(FLAGS)
            .open(path)
        else {
            return false;
        };
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        while start.elapsed() < Duration::from_secs(5) {
            if done.try_recv().is_ok() {
                return true;
            }
            if !matches!(tty.read(&mut buf), Ok(1..)) {
                sleep(Duration::from_millis(5));
            }
        }
        false
    }

    /// Types `text` (any Unicode, e.g. jamo as a Korean keyboard sends them).
    pub fn text(&mut self, text: &str) {
        self.send(text.as_bytes());
        sleep(Duration::from_millis(20));
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-c`, `Down`, …); other names are typed.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let bytes = key_bytes(k);
            self.send(&bytes);
            // A lone ESC followed at once by more bytes reads as Alt+key: let it arrive alone.
            let pause = if bytes == b"\x1b" { 80 } else { 20 };
            sleep(Duration::from_millis(pause));
        }
    }

    /// The screen as text, rows separated by newlines (trailing blanks trimmed).
    pub fn screen(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self
            .parser
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .screen())
    }

    /// A handle on the emulated screen that another thread can read (a watchdog).
    pub fn screen_handle(&self) -> Arc<Mutex<vt100::Parser>> {
        Arc::clone(&self.parser)
    }

    /// Every byte the program wrote so far (the last few MiB), escape sequences included.
    pub fn raw(&self) -> Vec<u8> {
        self.raw
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The cursor as (column, row), zero-based, and whether it is shown.
    pub fn cursor(&self) -> (u16, u16, bool) {
        self.with_screen(|s| {
            let (row, col) = s.cursor_position();
            (col, row, !s.hide_cursor())
        })
    }

    /// Whether the alternate screen is on.
    pub fn alternate_screen(&self) -> bool {
        self.with_screen(vt100::Screen::alternate_screen)
    }

    /// Whether the program asked for mouse reports.
    pub fn mouse_reporting(&self) -> bool {
        self.with_screen(|s| s.mouse_protocol_mode() != vt100::MouseProtocolMode::None)
    }

    /// Waits until the screen contains `text`, then returns it (a moment later, so that the frame
    /// is complete). Fails with the screen after [`TIMEOUT`].
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Waits until `done(screen)`; `what` names the condition in the failure.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                sleep(Duration::from_millis(100));
                return self.screen();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "`{what}` never appeared; screen:\n{screen}"
            );
            sleep(Duration::from_millis(30));
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).expect("resize");
    }

    /// Whether the program has exited (its status is kept for [`Pty::wait_exit`]).
    pub fn exited(&mut self) -> bool {
        if self.status.is_none() {
            self.status = self.child.try_wait().ok().flatten();
        }
        self.status.is_some()
    }

    /// Waits for the program to exit and returns its status; fails after [`TIMEOUT`].
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while !self.exited() {
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(20));
        }
        // All output read: the reader ends when the terminal closes.
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.status.clone().expect("an exit status")
    }

    /// Sends a signal (`KILL`, `TERM`, `HUP`, `INT`) to the program, like `kill -SIG pid`.
    pub fn signal(&mut self, sig: &str) {
        let pid = self.pid();
        let ok = std::process::Command::new("sh")
            .args(["-c", &format!("kill -{sig} {pid}")])
            .status()
            .expect("sh runs")
            .success();
        assert!(ok, "kill -{sig} {pid}");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if !self.exited() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A thread that writes what it is sent to the terminal and says when each piece is written: a
/// write to a terminal whose reader has quit can wait for ever, and [`Pty::send`] must not.
fn writer_thread(mut writer: Box<dyn Write + Send>) -> (Sender<Vec<u8>>, Receiver<()>) {
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for bytes in rx {
            let _ = writer.write_all(&bytes);
            let _ = writer.flush();
            if done_tx.send(()).is_err() {
                break;
            }
        }
    });
    (tx, done_rx)
}

/// The bytes a terminal sends for a key named as tmux names it; any other name is typed as is.
pub fn key_bytes(name: &str) -> Vec<u8> {
    let fixed: &[u8] = match name {
        "Enter" => b"\r",
        "Escape" => b"\x1b",
        "Tab" => b"\t",
        "BTab" => b"\x1b[Z",
        "BSpace" => b"\x7f",
        "Space" => b" ",
        "Up" => b"\x1b[A",
        "Down" => b"\x1b[B",
        "Right" => b"\x1b[C",
        "Left" => b"\x1b[D",
        "Home" => b"\x1b[H",
        "End" => b"\x1b[F",
        "PageUp" | "PPage" => b"\x1b[5~",
        "PageDown" | "NPage" => b"\x1b[6~",
        "Delete" | "DC" => b"\x1b[3~",
        "F1" => b"\x1bOP",
        _ => {
            // `C-x`: the control character of a letter.
            if let Some(c) = name.strip_prefix("C-")
                && let [b] = c.as_bytes()
                && b.is_ascii_alphabetic()
            {
                return vec![b.to_ascii_lowercase() - b'a' + 1];
            }
            return name.as_bytes().to_vec();
        }
    };
    fixed.to_vec()
}
