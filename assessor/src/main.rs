//! Mounts the qkit assessor area on the page's body.

fn main() {
    yew::Renderer::<qkit_assessor::Assessor>::new().render();
}
