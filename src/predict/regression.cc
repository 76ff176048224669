#include "predict/regression.h"

#include <algorithm>
#include <cmath>

namespace addio {
namespace {

constexpr int kN = kFeatureCount;
constexpr int kMaxNewtonSteps = 50;
constexpr double kConverged = 1e-9;
using Matrix = std::array<std::array<double, kN>, kN>;

// Solves a · s = b by Gaussian elimination with partial pivoting; `a` is symmetric
// positive definite here (a Hessian or XᵀX plus the ridge), so a pivot is never zero.
Features Solve(Matrix a, Features b) {
  for (int col = 0; col < kN; ++col) {
    int pivot = col;
    for (int row = col + 1; row < kN; ++row) {
      if (std::abs(a[row][col]) > std::abs(a[pivot][col])) pivot = row;
    }
    std::swap(a[col], a[pivot]);
    std::swap(b[col], b[pivot]);
    for (int row = col + 1; row < kN; ++row) {
      const double factor = a[row][col] / a[col][col];
      for (int k = col; k < kN; ++k) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  Features s{};
  for (int row = kN - 1; row >= 0; --row) {
    double sum = b[row];
    for (int k = row + 1; k < kN; ++k) sum -= a[row][k] * s[k];
    s[row] = sum / a[row][row];
  }
  return s;
}

void AddRidge(Matrix& a) {
  for (int i = 1; i < kN; ++i) a[i][i] += kRidge;
}

}  // namespace

double Dot(const Features& x, const Weights& w) {
  double sum = 0;
  for (int i = 0; i < kN; ++i) sum += x[i] * w[i];
  return sum;
}

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

Weights FitLogistic(const std::vector<Features>& x, const std::vector<double>& late) {
  Weights w{};
  for (int step = 0; step < kMaxNewtonSteps; ++step) {
    Features gradient{};
    Matrix hessian{};
    for (size_t e = 0; e < x.size(); ++e) {
      const double p = Sigmoid(Dot(x[e], w));
      const double curvature = p * (1 - p);
      for (int i = 0; i < kN; ++i) {
        gradient[i] += (p - late[e]) * x[e][i];
        for (int j = 0; j <= i; ++j) hessian[i][j] += curvature * x[e][i] * x[e][j];
      }
    }
    for (int i = 0; i < kN; ++i) {
      for (int j = 0; j < i; ++j) hessian[j][i] = hessian[i][j];
    }
    for (int i = 1; i < kN; ++i) gradient[i] += kRidge * w[i];
    AddRidge(hessian);
    const Features move = Solve(hessian, gradient);
    double largest = 0;
    for (int i = 0; i < kN; ++i) {
      w[i] -= move[i];
      largest = std::max(largest, std::abs(move[i]));
    }
    if (largest < kConverged) break;
  }
  return w;
}

// Ridge least squares with a weight per example (all 1 when `weight` is empty).
Weights FitWeighted(const std::vector<Features>& x, const std::vector<double>& y,
                    const std::vector<double>& weight) {
  Matrix gram{};
  Features moment{};
  for (size_t e = 0; e < x.size(); ++e) {
    const double v = weight.empty() ? 1.0 : weight[e];
    for (int i = 0; i < kN; ++i) {
      moment[i] += v * x[e][i] * y[e];
      for (int j = 0; j <= i; ++j) gram[i][j] += v * x[e][i] * x[e][j];
    }
  }
  for (int i = 0; i < kN; ++i) {
    for (int j = 0; j < i; ++j) gram[j][i] = gram[i][j];
  }
  AddRidge(gram);
  return Solve(gram, moment);
}

Weights FitLinear(const std::vector<Features>& x, const std::vector<double>& y) {
  return FitWeighted(x, y, {});
}

Weights FitMedian(const std::vector<Features>& x, const std::vector<double>& y) {
  constexpr int kReweightings = 30;
  constexpr double kSmallestResidual = 0.5;
  Weights w = FitLinear(x, y);
  std::vector<double> weight(x.size());
  for (int round = 0; round < kReweightings; ++round) {
    for (size_t e = 0; e < x.size(); ++e) {
      weight[e] = 1 / std::max(kSmallestResidual, std::abs(y[e] - Dot(x[e], w)));
    }
    w = FitWeighted(x, y, weight);
  }
  return w;
}

}  // namespace addio
