extension ExactDecimal {
    /// `self × other`, exact however many digits they have (``ExactSum``), never through
    /// `Decimal`'s 38 digits. Trailing zeros of the fraction are dropped.
    ///
    /// ```swift
    /// ExactDecimal("1.2500")!.multiplied(by: ExactDecimal("2000.50")!).text  // "2500.625"
    /// ```
    public func multiplied(by other: ExactDecimal) -> ExactDecimal { (ExactSum(self) * ExactSum(other)).amount }
}
