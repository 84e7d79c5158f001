//! Writes `prebuilt/search-index.bin` and `prebuilt/search-strings.txt`, the search index of the shipped content that `build.rs`
//! embeds (see `src/search/prebuilt.rs`). Run after changing the content, the banks, the
//! presets or the indexing code:
//!
//! ```sh
//! cargo run --release --example search_index
//! ```

use gureum::lesson::{ContentSource, Library};
use gureum::quiz::{Bank, BankSource};
use gureum::search::build::preset_docs;
use gureum::search::{Index, prebuilt};
use gureum::sims;

fn main() -> std::io::Result<()> {
    let library = Library::load(&ContentSource::Embedded);
    let bank = Bank::load(&BankSource::Embedded);
    let presets = preset_docs(&sims::all_presets());
    let index = Index::build_fresh(&library, &bank, &presets);
    let input = prebuilt::input_fingerprint(&library, &bank, &presets);
    let (bytes, strings) = prebuilt::encode(&index, input);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(prebuilt::FILE);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(root.join(prebuilt::STRINGS_FILE), &strings)?;
    std::fs::write(&path, &bytes)?;
    println!(
        "{}: {} documents, {} bytes (source fingerprint {:#x})",
        path.display(),
        index.docs.len(),
        bytes.len(),
        prebuilt::SOURCE_FINGERPRINT
    );
    Ok(())
}
