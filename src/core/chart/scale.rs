//! Linear scales: a "nice" axis end and round tick values.

/// A round number ≥ `value`: 1, 2, 2.5, 5 or 10 times a power of ten.
pub fn nice_ceiling(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    let fraction = value / power;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|&step| fraction <= step + 1e-9)
        .unwrap_or(10.0);
    nice * power
}

/// A round step so that about `target_count` ticks cover `0..=max`.
pub fn nice_step(max: f64, target_count: usize) -> f64 {
    let target = target_count.max(1) as f64;
    let raw = if max.is_finite() && max > 0.0 {
        max / target
    } else {
        1.0
    };
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let step = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * power
}

/// Tick values from 0 to the first tick ≥ `max`, at a nice step; the last tick is the axis end.
pub fn nice_ticks(max: f64, target_count: usize) -> Vec<f64> {
    let step = nice_step(max, target_count);
    let mut ticks = vec![0.0];
    let mut index = 1.0;
    loop {
        // Round away binary noise (0.1 * 3 = 0.30000000000000004).
        let decimals = (-step.log10().floor()).max(0.0) as usize;
        let tick: f64 = format!("{:.*}", decimals, step * index)
            .parse()
            .unwrap_or(step * index);
        ticks.push(tick);
        if tick >= max - step * 1e-9 || ticks.len() > 64 {
            break;
        }
        index += 1.0;
    }
    ticks
}

/// How many ticks fit on an axis `width_px` wide when each label needs about `label_px`.
pub fn tick_count_for_width(width_px: f64, label_px: f64) -> usize {
    ((width_px / label_px.max(1.0)).floor() as usize).clamp(2, 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(3400.0), 5000.0);
        assert_eq!(nice_ceiling(1200.0), 2000.0);
        assert_eq!(nice_ceiling(36.0), 50.0);
        assert_eq!(nice_ceiling(20.0), 20.0);
        assert_eq!(nice_ceiling(22.0), 25.0);
        assert_eq!(nice_ceiling(150.0), 200.0);
        assert_eq!(nice_ceiling(13_000.0), 20_000.0);
        assert_eq!(nice_ceiling(0.3), 0.5);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }

    #[test]
    fn ticks_cover_the_maximum_with_round_steps() {
        assert_eq!(
            nice_ticks(3400.0, 4),
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0]
        );
        assert_eq!(nice_ticks(57.0, 3), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(nice_ticks(0.3, 3), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(nice_ticks(0.0, 4), vec![0.0, 1.0]);
        for max in [1.0, 7.0, 99.0, 1844.0, 13_000.0, 1e9] {
            let ticks = nice_ticks(max, 5);
            assert!(*ticks.last().expect("ticks") >= max, "{max}: {ticks:?}");
            assert!(ticks.len() <= 12, "{max}: {ticks:?}");
            let step = ticks[1] - ticks[0];
            for pair in ticks.windows(2) {
                assert!(((pair[1] - pair[0]) - step).abs() < step * 1e-9);
            }
        }
    }

    #[test]
    fn tick_count_depends_on_width() {
        assert_eq!(tick_count_for_width(300.0, 60.0), 5);
        assert_eq!(tick_count_for_width(50.0, 60.0), 2);
        assert_eq!(tick_count_for_width(5000.0, 60.0), 8);
    }
}
