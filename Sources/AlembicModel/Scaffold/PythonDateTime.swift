import Foundation

/// A `datetime.datetime` as alembic's `_generate_create_date` makes it: naive local time when
/// no `timezone` is configured, otherwise aware in that zone.
public struct PythonDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var microsecond: Int
    /// The UTC offset in seconds of an aware value; nil for a naive one.
    public var utcOffset: Int?
    /// `int(dt.timestamp())`.
    public var epoch: Int

    /// The wall-clock time of `date` in `zone`; `aware` keeps the offset (an aware datetime).
    public init(_ date: Date, in zone: TimeZone, aware: Bool) {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.toNearestOrEven))
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 {
            fraction += 1_000_000
            seconds -= 1
        }
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
        hour = parts.hour ?? 0
        minute = parts.minute ?? 0
        second = parts.second ?? 0
        microsecond = Int(fraction)
        utcOffset = aware ? zone.secondsFromGMT(for: whole) : nil
        // `timestamp()` truncates toward zero.
        epoch = Int(seconds) + (seconds < 0 && fraction > 0 ? 1 : 0)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `str(dt)`: `YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM[:SS]]`.
    public var description: String {
        var text = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2)) "
            + "\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))"
        if microsecond != 0 { text += "." + Self.pad(microsecond, 6) }
        if let utcOffset {
            let sign = utcOffset < 0 ? "-" : "+"
            let magnitude = abs(utcOffset)
            text += sign + Self.pad(magnitude / 3600, 2) + ":" + Self.pad(magnitude % 3600 / 60, 2)
            if magnitude % 60 != 0 { text += ":" + Self.pad(magnitude % 60, 2) }
        }
        return text
    }

    /// `repr(dt)` for a naive value; nil for an aware one (its `tzinfo` repr is not modelled).
    var reprDescription: String? {
        guard utcOffset == nil else { return nil }
        var fields = [year, month, day, hour, minute]
        if second != 0 || microsecond != 0 { fields.append(second) }
        if microsecond != 0 { fields.append(microsecond) }
        return "datetime.datetime(" + fields.map(String.init).joined(separator: ", ") + ")"
    }
}
