fn main() {
    let lib = gureum::lesson::Library::load(&gureum::lesson::ContentSource::Embedded);
    for l in &lib.lessons {
        println!("{}\t{}", l.meta.id, l.meta.title);
    }
}
