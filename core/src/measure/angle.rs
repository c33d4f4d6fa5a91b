//! The angle of the phone's long axis, from gravity as the phone's sensor reports it.
//!
//! Samples follow Android's sensor convention: m/s², a phone standing upright reads about +9.81
//! on `y`, lying on its back about +9.81 on `z`. iOS converts CoreMotion's gravity (in g,
//! pointing down) by multiplying by -9.81.
//!
//! [D] Why not the plain inclination `asin(|g_y| / |g|)` then minus the rest reading: it folds
//! at vertical (an SLR of 110° would read 70°) and it doubles a rest offset that tilts the
//! other way (a shin that rests at -5° and rises 60° reads |55| - |-5| = 50°). So the long
//! axis's inclination is signed and continued past vertical: `atan2(g_y, ±√(g_x² + g_z²))`,
//! the sign of the second argument saying whether gravity's across-the-phone part still points
//! the way it did at rest. Below vertical this is exactly `asin(g_y / |g|)`; `√(g_x² + g_z²)`
//! does not change when the phone rolls about its long axis; which end points to the foot only
//! flips the sign of the whole movement, and the measurement takes the movement's own
//! direction as "up" (see `session.rs`).

use super::model::GravitySample;

/// Standard gravity, m/s².
pub const STANDARD_GRAVITY: f64 = 9.806_65;

/// |g| of one sample, m/s².
pub fn magnitude(s: &GravitySample) -> f64 {
    (s.x * s.x + s.y * s.y + s.z * s.z).sqrt()
}

/// Gravity's part across the phone at rest (in the x-z plane), normalised; `None` when the
/// phone stood on its end (nothing across it to keep a direction from).
pub fn across_direction(x: f64, z: f64) -> Option<(f64, f64)> {
    let norm = (x * x + z * z).sqrt();
    (norm > 1e-6).then(|| (x / norm, z / norm))
}

/// Inclination of the long axis, degrees in (-180, 180]: `asin(g_y / |g|)` while gravity's
/// across part points as it did at rest (`across`, from [`across_direction`]), continued
/// past ±90 once it turns over. Independent of roll about the long axis.
pub fn inclination_deg(s: &GravitySample, across: (f64, f64)) -> f64 {
    let across_len = (s.x * s.x + s.z * s.z).sqrt();
    let same_side = s.x * across.0 + s.z * across.1 >= 0.0;
    let signed = if same_side { across_len } else { -across_len };
    s.y.atan2(signed).to_degrees()
}

/// The plain inclination at rest, degrees in [-90, 90]: `asin(g_y / |g|)`.
pub fn rest_inclination_deg(s: &GravitySample) -> f64 {
    let m = magnitude(s);
    if m == 0.0 { 0.0 } else { (s.y / m).clamp(-1.0, 1.0).asin().to_degrees() }
}

/// `a - b` wrapped into (-180, 180].
pub fn difference_deg(a: f64, b: f64) -> f64 {
    let mut d = (a - b) % 360.0;
    if d > 180.0 {
        d -= 360.0;
    } else if d <= -180.0 {
        d += 360.0;
    }
    d
}
