//! Load test for `gureum class serve`: many russh clients answering at a human pace.
//!
//! ```text
//! cargo build --release && cargo run --release --example class_load -- --students 200 --seconds 60
//! ```
//!
//! Starts `target/release/gureum class serve --headless` on a free port, connects `--students`
//! clients (staggered), and has each one press a key every 1–3 s: mostly ↓/↑ (the choice
//! pointer `›` moves), every fifth time `1` + Enter (an answer, saved to its result file, and
//! the next question drawn). Latency is from sending the key to the first channel data that
//! shows the change (`›` for a move, a frame of more than 100 bytes for an answer; the clock's
//! once-a-second update is smaller and has no `›`). Reports p50/p99/max and the server's CPU
//! (from /proc, Linux only) and memory. The clients run on the same machine as the server, so
//! on a busy machine their latency includes waiting for a core; the last line is the server's
//! own account (`stats` on its stdin): per key, from the decrypted bytes reaching it to the
//! frame handed to the connection, and the mean cost of drawing a frame.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::RngExt;
use russh::ChannelMsg;
use russh::client;

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;
    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// (utime + stime in clock ticks, `VmRSS` kB, `VmHWM` kB) of a process.
fn proc_stats(pid: u32) -> (u64, u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let rest = stat.rsplit(')').next().unwrap_or_default();
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (ticks, kb("VmRSS:"), kb("VmHWM:"))
}

async fn student(
    addr: std::net::SocketAddr,
    n: u64,
    until: Instant,
    samples: Arc<Mutex<Vec<u64>>>,
) -> bool {
    // Interactive ssh clients (OpenSSH included) turn Nagle off, as the server does.
    let config = Arc::new(client::Config {
        nodelay: true,
        ..client::Config::default()
    });
    let Ok(mut handle) = client::connect(config, addr, Client).await else {
        return false;
    };
    if !handle
        .authenticate_password(format!("s{n}"), "4321")
        .await
        .is_ok_and(|r| r.success())
    {
        return false;
    }
    let Ok(mut channel) = handle.channel_open_session().await else {
        return false;
    };
    if channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .is_err()
        || channel.request_shell(false).await.is_err()
    {
        return false;
    }
    // The first frame.
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains('›') {
        match tokio::time::timeout(Duration::from_secs(30), channel.wait()).await {
            Ok(Some(ChannelMsg::Data { data })) => seen.extend_from_slice(&data),
            Ok(Some(_)) => {}
            _ => return false,
        }
    }
    let mut down = true;
    let mut k = 0u64;
    while Instant::now() < until {
        let think = rand::rng().random_range(1000..3000);
        tokio::time::sleep(Duration::from_millis(think)).await;
        // Drain whatever arrived meanwhile (clock updates).
        while let Ok(Some(_)) = tokio::time::timeout(Duration::from_millis(1), channel.wait()).await
        {
        }
        k += 1;
        let answer = k.is_multiple_of(5);
        let keys: &[u8] = if answer {
            down = true;
            b"1\r"
        } else if down {
            b"\x1b[B"
        } else {
            b"\x1b[A"
        };
        if !answer {
            down = !down;
        }
        let sent = Instant::now();
        if channel.data_bytes(keys.to_vec()).await.is_err() {
            return false;
        }
        loop {
            match tokio::time::timeout(Duration::from_secs(10), channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => {
                    let shows = if answer {
                        data.len() > 100
                    } else {
                        String::from_utf8_lossy(&data).contains('›')
                    };
                    if shows {
                        samples
                            .lock()
                            .unwrap()
                            .push(sent.elapsed().as_micros() as u64);
                        break;
                    }
                }
                Ok(Some(_)) => {}
                _ => return false,
            }
        }
    }
    let _ = handle
        .disconnect(russh::Disconnect::ByApplication, "", "")
        .await;
    true
}

fn main() {
    let students = arg("--students", 200);
    let seconds = arg("--seconds", 60);
    let exe = std::env::current_exe().unwrap();
    let gureum = exe
        .parent()
        .and_then(|p| p.parent())
        .unwrap()
        .join("gureum");
    let dir = tempfile::tempdir().unwrap();
    let mut server = std::process::Command::new(&gureum)
        .args([
            "class",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--code",
            "4321",
            "--count",
            "10",
            "--seed",
            "1",
            "--minutes",
            "60",
            "--headless",
        ])
        .args(["--max-students", &(students + 10).to_string()])
        .arg("--results")
        .arg(dir.path().join("out"))
        .env("GUREUM_DATA_DIR", dir.path())
        .env("GUREUM_CONFIG_DIR", dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (cargo build --release first)", gureum.display()));
    let pid = server.id();
    let stdout = server.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let first = lines.next().unwrap().unwrap();
    let addr: std::net::SocketAddr = first.rsplit(' ').next().unwrap().parse().unwrap();
    // Keep reading the event lines so the server never blocks on a full pipe; keep the
    // answer to `stats`.
    let stats_line = Arc::new(Mutex::new(None::<String>));
    let keep = stats_line.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.starts_with("server:") || line.starts_with("서버:") {
                *keep.lock().unwrap() = Some(line);
            }
        }
    });
    let mut stdin = server.stdin.take().unwrap();

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let samples = Arc::new(Mutex::new(Vec::new()));
    let (connected, cpu, rss, hwm, wall) = rt.block_on(async {
        let ramp = Duration::from_millis(50) * students as u32;
        let until = Instant::now() + ramp + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for n in 0..students {
            tasks.push(tokio::spawn(student(addr, n, until, samples.clone())));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // Measure the server while every client is in (after the ramp).
        let (t0, _, _) = proc_stats(pid);
        let start = Instant::now();
        tokio::time::sleep(until.saturating_duration_since(Instant::now())).await;
        let (t1, rss, hwm) = proc_stats(pid);
        let wall = start.elapsed().as_secs_f64();
        let mut ok = 0;
        for t in tasks {
            if t.await.unwrap_or(false) {
                ok += 1;
            }
        }
        (ok, (t1 - t0) as f64 / 100.0 / wall * 100.0, rss, hwm, wall)
    });
    // The server's own figures: how long it takes per key, without the network and clients.
    let _ = std::io::Write::write_all(&mut stdin, b"stats\n");
    let mut server_stats = None;
    for _ in 0..50 {
        server_stats.clone_from(&stats_line.lock().unwrap());
        if server_stats.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = server.kill();
    let _ = server.wait();
    let mut s = samples.lock().unwrap().clone();
    s.sort_unstable();
    let pct = |p: f64| {
        s.get(((s.len() as f64 * p) as usize).min(s.len().saturating_sub(1)))
            .map_or(0.0, |&v| v as f64 / 1000.0)
    };
    println!("students: {connected}/{students} finished");
    println!("keystrokes measured: {} over {wall:.0} s", s.len());
    println!(
        "keystroke-to-screen latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    println!(
        "server CPU: {cpu:.0}% of one core (steady state), memory: RSS {} MB, peak {} MB",
        rss / 1024,
        hwm / 1024
    );
    if let Some(line) = server_stats {
        println!("{line}");
    }
}
