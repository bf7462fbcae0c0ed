//! Mounts the qkit app on the page's body.

fn main() {
    yew::Renderer::<qkit_app::App>::new().render();
}
