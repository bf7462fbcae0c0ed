//! qkit-session: a battery sitting in progress, as pure state and transitions. The app's reducer delegates here.
