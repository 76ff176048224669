// The two small models prediction fits (DESIGN.md section 11), written plainly: a
// logistic regression for the probability of a late payment and a least-absolute-
// deviations regression for the days until payment (a median, not a mean: a few invoices
// paid months late must not pull every expected date), both with an L2 penalty on every
// weight but the constant (feature 0). Every fit solves kFeatureCount-square systems a
// fixed way: the same examples in the same order give the same weights, bit for bit.
#pragma once

#include <vector>

#include "predict/features.h"

namespace addio {

using Weights = Features;

inline constexpr double kRidge = 1.0;  // the L2 penalty of both fits

double Dot(const Features& x, const Weights& w);
double Sigmoid(double z);

// Weights maximising the penalised log-likelihood of `late` (0 or 1) given `x`.
// REQUIRES: x.size() == late.size().
Weights FitLogistic(const std::vector<Features>& x, const std::vector<double>& late);

// Ridge least squares of `y` on `x`. REQUIRES: x.size() == y.size().
Weights FitLinear(const std::vector<Features>& x, const std::vector<double>& y);

// Weights minimising Σ |y − x·w| plus the penalty, by iteratively reweighted least squares
// from the least-squares fit (residuals below half a unit weigh as half a unit).
// REQUIRES: x.size() == y.size().
Weights FitMedian(const std::vector<Features>& x, const std::vector<double>& y);

}  // namespace addio
