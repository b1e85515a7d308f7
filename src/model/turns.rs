//! Who speaks next and who is under an even share: pure rules the run
//! screen (round-robin, roster marks) and the report (participation chart)
//! share, so both say the same thing.

/// For each count, whether it is below an even share of their sum
/// (sum ÷ how many). Nobody is under when nothing was said yet.
pub fn under_even_share(counts: &[usize]) -> Vec<bool> {
    let total: usize = counts.iter().sum();
    let people = counts.len();
    // n < total / people, kept in integers: n × people < total.
    counts.iter().map(|n| n * people < total).collect()
}

/// The round-robin's next speaker: the first person after `after` in
/// roster order (wrapping around) who is not done, or the first not done
/// from the top when `after` is none or not on the roster. `None` when
/// everyone is done.
pub fn next_speaker<T: PartialEq + Copy>(
    roster: &[T],
    done: impl Fn(T) -> bool,
    after: Option<T>,
) -> Option<T> {
    let start = after
        .and_then(|a| roster.iter().position(|p| *p == a))
        .map_or(0, |i| i + 1);
    (0..roster.len())
        .map(|k| roster[(start + k) % roster.len()])
        .find(|p| !done(*p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_share_marks_those_below_the_mean() {
        assert_eq!(
            under_even_share(&[6, 3, 0, 3]),
            vec![false, false, true, false]
        );
        assert_eq!(under_even_share(&[2, 2]), vec![false, false]);
        assert_eq!(under_even_share(&[0, 0, 0]), vec![false, false, false]);
        // 7 ÷ 3 is 2.33…: 2 is under, 3 is not.
        assert_eq!(under_even_share(&[2, 3, 2]), vec![true, false, true]);
        assert!(under_even_share(&[]).is_empty());
    }

    #[test]
    fn next_speaker_follows_roster_order_and_skips_the_done() {
        let roster = [1, 2, 3, 4];
        let done = |p: i32| p == 2 || p == 4;
        assert_eq!(next_speaker(&roster, done, None), Some(1));
        assert_eq!(next_speaker(&roster, done, Some(1)), Some(3));
        // Wraps around to the top.
        assert_eq!(next_speaker(&roster, done, Some(3)), Some(1));
        // Someone not on the roster (the group): from the top.
        assert_eq!(next_speaker(&roster, done, Some(9)), Some(1));
        assert_eq!(next_speaker(&roster, |_| true, Some(1)), None);
        assert_eq!(next_speaker(&[] as &[i32], |_| false, None), None);
        // The one who just spoke comes back last if still not done.
        assert_eq!(next_speaker(&[1], |_| false, Some(1)), Some(1));
    }
}
