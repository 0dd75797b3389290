//! Moving through a chart's figures with the keyboard: the arrow keys step through them in the
//! order they are drawn, Home and End jump to the ends, Escape leaves. Pure: the chart applies
//! the move and announces the figure.

/// What a key does to the focused figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusMove {
    /// Focus this figure (an index into the chart's data).
    To(usize),
    /// Leave the figures (close the tooltip).
    Clear,
    /// Not a key for the chart: leave it to the browser.
    Ignore,
}

/// The move for `key` (a `KeyboardEvent.key`) from `current`, through `order` (the figures in
/// drawn order).
pub fn focus_after_key(order: &[usize], current: Option<usize>, key: &str) -> FocusMove {
    if order.is_empty() {
        return FocusMove::Ignore;
    }
    let last = order.len() - 1;
    let position = current.and_then(|current| order.iter().position(|&d| d == current));
    let next = match key {
        "ArrowRight" | "ArrowDown" => position.map_or(0, |p| (p + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => position.map_or(0, |p| p.saturating_sub(1)),
        "Home" => 0,
        "End" => last,
        "Escape" => return FocusMove::Clear,
        _ => return FocusMove::Ignore,
    };
    FocusMove::To(order[next])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_step_through_the_drawn_order_and_stop_at_the_ends() {
        // Drawn order differs from data order (e.g. hidden series skipped).
        let order = [2, 0, 3];
        assert_eq!(focus_after_key(&order, None, "ArrowDown"), FocusMove::To(2));
        assert_eq!(
            focus_after_key(&order, Some(2), "ArrowRight"),
            FocusMove::To(0)
        );
        assert_eq!(
            focus_after_key(&order, Some(0), "ArrowDown"),
            FocusMove::To(3)
        );
        assert_eq!(
            focus_after_key(&order, Some(3), "ArrowDown"),
            FocusMove::To(3),
            "stays at the end"
        );
        assert_eq!(
            focus_after_key(&order, Some(3), "ArrowUp"),
            FocusMove::To(0)
        );
        assert_eq!(
            focus_after_key(&order, Some(2), "ArrowLeft"),
            FocusMove::To(2),
            "stays at the start"
        );
        assert_eq!(focus_after_key(&order, None, "ArrowUp"), FocusMove::To(2));
    }

    #[test]
    fn home_end_escape_and_other_keys() {
        let order = [4, 5, 6];
        assert_eq!(focus_after_key(&order, Some(5), "Home"), FocusMove::To(4));
        assert_eq!(focus_after_key(&order, Some(5), "End"), FocusMove::To(6));
        assert_eq!(focus_after_key(&order, Some(5), "Escape"), FocusMove::Clear);
        assert_eq!(focus_after_key(&order, Some(5), "Tab"), FocusMove::Ignore);
        // A focus no longer drawn (its series hidden) starts again from the first.
        assert_eq!(
            focus_after_key(&order, Some(9), "ArrowDown"),
            FocusMove::To(4)
        );
        assert_eq!(
            focus_after_key(&[], Some(1), "ArrowDown"),
            FocusMove::Ignore
        );
    }
}
