// Chromaticity diagrams drawn with QPainter from the report model.
#include "app/gui/chromaticity_diagram.h"

#include "app/common/cie_data.h"
#include "app/gui/theme.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace cm::gui {

namespace {

/// The spectral locus in CIE 1931 xy from the shipped 2° colour-matching functions (380–700 nm;
/// beyond 700 nm the locus folds back on itself). Empty when the tables cannot be read.
const std::vector<colorimetry::ChromaticityXY>& locusXY() {
    static const std::vector<colorimetry::ChromaticityXY> locus = [] {
        std::vector<colorimetry::ChromaticityXY> out;
        try {
            const auto& o = app::cieData().cie1931_2;
            for (double nm = 380; nm <= 700; nm += 2) {
                const long i = o.indexOf(nm);
                if (i < 0) {
                    continue;
                }
                const auto k = static_cast<std::size_t>(i);
                const double s = o.xbar[k] + o.ybar[k] + o.zbar[k];
                if (s > 0) {
                    out.push_back({o.xbar[k] / s, o.ybar[k] / s});
                }
            }
        } catch (const std::exception&) {
            // Without the CIE tables the diagram has no locus; targets and readings still stand.
        }
        return out;
    }();
    return locus;
}

/// A chromaticity target: the x and y figures of one step and point.
struct Target {
    std::string step, point;
    double x = NAN, y = NAN;                            // target
    double xlo = NAN, xhi = NAN, ylo = NAN, yhi = NAN;  // tolerance box
    double mx = NAN, my = NAN;                          // measured
    evaluation::Verdict verdict = evaluation::Verdict::NotEvaluated;
};

std::vector<Target> targets(const report::CertificationReport& r) {
    std::vector<Target> out;
    auto find = [&](const evaluation::FigureResult& f) -> Target& {
        for (auto& t : out) {
            if (t.step == f.spec.step && t.point == f.spec.point) {
                return t;
            }
        }
        out.push_back({});
        out.back().step = f.spec.step;
        out.back().point = f.spec.point;
        return out.back();
    };
    auto worse = [](evaluation::Verdict a, evaluation::Verdict b) {
        auto rank = [](evaluation::Verdict v) {
            switch (v) {
                case evaluation::Verdict::Fail:
                    return 3;
                case evaluation::Verdict::ConditionalFail:
                case evaluation::Verdict::ConditionalPass:
                    return 2;
                case evaluation::Verdict::NotEvaluated:
                    return 1;
                case evaluation::Verdict::Pass:
                    break;
            }
            return 0;
        };
        return rank(a) >= rank(b) ? a : b;
    };
    for (const auto& f : r.evaluation.figures) {
        const bool isX = f.spec.metric == "chromaticity_x";
        if (!isX && f.spec.metric != "chromaticity_y") {
            continue;
        }
        const auto& tol = f.spec.tolerance;
        Target& t = find(f);
        const double c = tol.target.value_or(NAN);
        const double lo = tol.lower.value_or(NAN);
        const double hi = tol.upper.value_or(NAN);
        (isX ? t.x : t.y) = c;
        (isX ? t.xlo : t.ylo) = lo;
        (isX ? t.xhi : t.yhi) = hi;
        (isX ? t.mx : t.my) = f.value;
        t.verdict = t.verdict == evaluation::Verdict::NotEvaluated &&
                            (isX ? std::isnan(t.my) : std::isnan(t.mx))
                        ? f.verdict
                        : worse(t.verdict, f.verdict);
    }
    return out;
}

}  // namespace

ChromaticityDiagram::ChromaticityDiagram(Space space, QWidget* parent)
    : QWidget(parent), space_(space) {
    setMinimumSize(320, 300);
    setAccessibleName(space == Space::CIE1931xy ? tr("CIE 1931 xy chromaticity diagram")
                                                : tr("CIE 1976 u'v' chromaticity diagram"));
}

void ChromaticityDiagram::setReport(ReportPtr report) {
    report_ = std::move(report);
    update();
}

QPointF ChromaticityDiagram::toSpace(double x, double y) const {
    if (space_ == Space::CIE1931xy) {
        return {x, y};
    }
    const auto uv = colorimetry::toUV(colorimetry::ChromaticityXY{x, y});
    return {uv.u_prime, uv.v_prime};
}

void ChromaticityDiagram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const bool xy = space_ == Space::CIE1931xy;
    const Box full = xy ? Box{0.0, 0.8, 0.0, 0.9} : Box{0.0, 0.65, 0.0, 0.62};
    const QRectF area(48, 14, width() - 62, height() - 50);
    plot(p, area, full, false);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(area.left(), area.bottom() + 20, area.width(), 20), Qt::AlignCenter,
               xy ? tr("CIE 1931 x") : tr("CIE 1976 u′"));
    p.save();
    p.translate(12, area.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-60, -10, 120, 20), Qt::AlignCenter, xy ? tr("y") : tr("v′"));
    p.restore();

    // Inset around the first target (the white point in the theatre profiles): the tolerance of
    // ±0.006 is a few pixels on the full diagram.
    if (report_) {
        const auto ts = targets(*report_);
        if (!ts.empty() && !std::isnan(ts.front().x) && !std::isnan(ts.front().xhi)) {
            const Target& t = ts.front();
            const double halfX = 3.0 * (t.xhi - t.xlo) / 2.0;
            const double halfY = 3.0 * (t.yhi - t.ylo) / 2.0;
            const QPointF lo = toSpace(t.x - halfX, t.y - halfY);
            const QPointF hi = toSpace(t.x + halfX, t.y + halfY);
            const QPointF c = toSpace(t.x, t.y);
            const double h = std::max(std::abs(hi.x() - lo.x()), std::abs(hi.y() - lo.y())) / 2;
            const double side = std::min(area.width(), area.height()) * 0.42;
            const QRectF inset(area.right() - side - 6, area.top() + 6, side, side);
            p.fillRect(inset, palette().window());
            plot(p, inset, {c.x() - h, c.x() + h, c.y() - h, c.y() + h}, true);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(inset.adjusted(4, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                       tr("%1 at %2 (×%3)")
                           .arg(QString::fromStdString(t.step), QString::fromStdString(t.point))
                           .arg(std::round((full.x1 - full.x0) / (2 * h))));
        }
    }
}

void ChromaticityDiagram::plot(QPainter& p, const QRectF& area, const Box& v, bool inset) const {
    p.save();
    p.setClipRect(area.adjusted(-1, -1, 1, 1));
    auto map = [&](QPointF s) {
        return QPointF(area.left() + (s.x() - v.x0) / (v.x1 - v.x0) * area.width(),
                       area.bottom() - (s.y() - v.y0) / (v.y1 - v.y0) * area.height());
    };
    const QColor grid(70, 70, 74);
    p.setPen(QPen(grid, 1));
    p.drawRect(area);
    if (!inset) {
        for (double g = 0.1; g < std::max(v.x1, v.y1); g += 0.1) {
            if (g < v.x1) {
                p.drawLine(map({g, v.y0}), map({g, v.y1}));
                p.drawText(map({g, v.y0}) + QPointF(-9, 14), QString::number(g, 'f', 1));
            }
            if (g < v.y1) {
                p.drawLine(map({v.x0, g}), map({v.x1, g}));
                p.drawText(map({v.x0, g}) + QPointF(-28, 4), QString::number(g, 'f', 1));
            }
        }
    }
    // Spectral locus and purple line.
    const auto& locus = locusXY();
    if (!locus.empty()) {
        QPolygonF poly;
        for (const auto& c : locus) {
            poly << map(toSpace(c.x, c.y));
        }
        poly << poly.front();
        p.setPen(QPen(QColor(200, 200, 200), 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(poly);
    }
    // DCI-P3 primaries (SMPTE RP 431-2:2011 Table 1: R 0.680/0.320, G 0.265/0.690, B 0.150/0.060).
    QPolygonF p3;
    for (auto c : {QPointF(0.680, 0.320), QPointF(0.265, 0.690), QPointF(0.150, 0.060)}) {
        p3 << map(toSpace(c.x(), c.y()));
    }
    p.setPen(QPen(QColor(120, 150, 200), 1, Qt::DashLine));
    p.drawPolygon(p3);
    if (!report_) {
        p.restore();
        return;
    }
    // Readings: small dots.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(170, 170, 170));
    for (const auto& rr : report_->readings) {
        const auto c = colorimetry::toXY(rr.reading.xyz_cdm2);
        if (std::isfinite(c.x) && std::isfinite(c.y)) {
            p.drawEllipse(map(toSpace(c.x, c.y)), inset ? 2.5 : 1.8, inset ? 2.5 : 1.8);
        }
    }
    for (const Target& t : targets(*report_)) {
        if (!std::isnan(t.xlo) && !std::isnan(t.xhi) && !std::isnan(t.ylo) && !std::isnan(t.yhi)) {
            // The xy box, traced edge by edge so it bends correctly in u'v'.
            QPolygonF box;
            const int n = 12;
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xlo + (t.xhi - t.xlo) * i / n, t.ylo));
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xhi, t.ylo + (t.yhi - t.ylo) * i / n));
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xhi - (t.xhi - t.xlo) * i / n, t.yhi));
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xlo, t.yhi - (t.yhi - t.ylo) * i / n));
            p.setPen(QPen(QColor(255, 200, 80), 1.2));
            p.setBrush(QColor(255, 200, 80, 40));
            p.drawPolygon(box);
        }
        if (!std::isnan(t.x) && !std::isnan(t.y)) {
            const QPointF c = map(toSpace(t.x, t.y));
            p.setPen(QPen(QColor(255, 200, 80), 1.5));
            p.drawLine(c + QPointF(-5, 0), c + QPointF(5, 0));
            p.drawLine(c + QPointF(0, -5), c + QPointF(0, 5));
        }
        if (std::isfinite(t.mx) && std::isfinite(t.my)) {
            p.setPen(QPen(Qt::white, 1));
            p.setBrush(verdictColor(t.verdict).lighter(150));
            p.drawEllipse(map(toSpace(t.mx, t.my)), 4.5, 4.5);
        }
    }
    p.restore();
}

}  // namespace cm::gui
