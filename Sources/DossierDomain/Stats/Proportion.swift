import Foundation

/// A share with its 95% Wilson score interval: `count` of `total`.
///
/// The Wilson interval (Wilson 1927) stays inside 0…1 and keeps a sensible
/// width for small groups and for shares at or near 0 and 1, where the
/// textbook `p ± z·√(p(1−p)/n)` collapses to a point or leaves 0…1. For
/// `p = x/n` and `z` the 97.5% normal quantile:
///
///     centre = (p + z²/2n) / (1 + z²/n)
///     half   = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)
///
/// Counts may be fractional (with `--spread`); the formula is applied to
/// them as they are, which is an approximation there.
public struct Proportion: Sendable, Equatable {
    public let count: Double
    public let total: Double

    /// The normal quantile for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    public init(_ count: Double, of total: Double) {
        self.count = count
        self.total = total
    }

    /// count / total, or nil when the total is 0.
    public var share: Double? { total > 0 ? count / total : nil }

    /// The 95% Wilson score interval, or nil when the total is 0.
    public var interval: (low: Double, high: Double)? {
        Proportion.wilson(count: count, total: total)
    }

    /// The Wilson score interval for `count` successes in `total` trials.
    /// - Returns: nil when `total` is not positive.
    public static func wilson(count: Double, total: Double, z: Double = z95) -> (low: Double, high: Double)? {
        guard total > 0 else { return nil }
        let p = min(max(count / total, 0), 1)
        let z2 = z * z
        let denominator = 1 + z2 / total
        let centre = (p + z2 / (2 * total)) / denominator
        let half = z / denominator * (p * (1 - p) / total + z2 / (4 * total * total)).squareRoot()
        // At p = 0 or 1 one end is exactly 0 or 1; keep it so rather than
        // a rounding error away.
        let low = p == 0 ? 0 : max(0, centre - half)
        let high = p == 1 ? 1 : min(1, centre + half)
        return (low, high)
    }
}

/// The weighted median of a histogram of values (value → weight): the
/// middle value, or the mean of the two middle values when the weights
/// split evenly between them, as the ordinary median does for whole counts.
package func weightedMedian(_ histogram: [Double: Double]) -> Double? {
    let values = histogram.filter { $0.value > 0 }.sorted { $0.key < $1.key }
    let total = values.reduce(0) { $0 + $1.value }
    guard total > 0 else { return nil }
    let half = total / 2
    var cumulative = 0.0
    for (index, (value, weight)) in values.enumerated() {
        cumulative += weight
        // Within a relative tolerance, for fractional weights.
        if abs(cumulative - half) <= 1e-9 * total, index + 1 < values.count {
            return (value + values[index + 1].key) / 2
        }
        if cumulative > half { return value }
    }
    return values.last?.key
}
