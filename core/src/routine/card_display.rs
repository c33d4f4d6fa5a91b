//! How the phones show the cards beside the plan: which warn, and which offer the way back
//! (answering the questions again). One rule for both shells.

use serde::{Deserialize, Serialize};

use super::plan::CardId;
use crate::assessment::safety_display::SafetyLevel;

/// The display of one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDisplay {
    /// `Warn` shows it in warning colours above the routine; no card is dismissable.
    pub level: SafetyLevel,
    /// Offers "answer the questions again" beside the card.
    pub offers_reassessment: bool,
}

/// [CLINICAL.md §2, §8] The cauda equina warning, the stop and a see-a-doctor card warn; the
/// stop and the re-test offer the questions again (the stop ends only with a new assessment).
pub fn card_display(card: CardId) -> CardDisplay {
    let (level, offers_reassessment) = match card {
        CardId::SeeDoctorSoon | CardId::CaudaEquina => (SafetyLevel::Warn, false),
        CardId::StopAndRetriage => (SafetyLevel::Warn, true),
        CardId::RetestDue => (SafetyLevel::Calm, true),
        CardId::SeePhysio | CardId::NoImprovement => (SafetyLevel::Calm, false),
    };
    CardDisplay { level, offers_reassessment }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safety_cards_warn_and_the_stop_offers_the_way_back() {
        for card in CardId::ALL {
            let d = card_display(*card);
            assert_ne!(d.level, SafetyLevel::Blocking, "{card}: cards sit beside the plan");
        }
        assert_eq!(card_display(CardId::CaudaEquina).level, SafetyLevel::Warn);
        assert!(card_display(CardId::StopAndRetriage).offers_reassessment);
        assert!(!card_display(CardId::SeePhysio).offers_reassessment);
    }
}
