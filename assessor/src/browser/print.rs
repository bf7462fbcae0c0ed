//! The browser's print dialog (where "Save as PDF" lives).

/// Opens the print dialog for the page.
pub fn print() {
    if let Some(w) = web_sys::window() {
        // Printing can only fail when the page may not print (a sandboxed frame); nothing to do.
        let _ = w.print();
    }
}
