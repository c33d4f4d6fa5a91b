//! The chart's colours, font sizes and opacity, shared by its parts.

// Okabe-Ito colours: told apart with the common colour-vision deficiencies; the SLR sides also
// differ in shape (left: circle, right: triangle).
pub(super) const PAIN: &str = "#0072B2";
pub(super) const SESSIONS: &str = "#009E73";
pub(super) const SLR_LEFT: &str = "#E69F00";
pub(super) const SLR_RIGHT: &str = "#D55E00";
pub(super) const INK: &str = "#333333";
/// Opacity of the session bars, so the pain line stays readable over them.
pub(super) const BAR_OPACITY: &str = "0.35";

/// Font sizes in user units (11, 12 and 16 pt at the viewBox's scale).
pub(super) const SMALL: &str = "8.9";
pub(super) const LEGEND: &str = "9.7";
pub(super) const LARGE: &str = "12.9";
