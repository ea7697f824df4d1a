// SPDX-License-Identifier: Apache-2.0
// Text and page furniture for the PDF reports through Pango (fontconfig fallback, so Chinese or
// any other script renders in an installed font such as WenQuanYi Micro Hei) on a cairo surface.
#pragma once

#include "app/common/report/pdf_style.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace cm::app::pdf {

/// Fonts asked of fontconfig, in order; Pango falls back per character beyond them.
inline constexpr const char* kFontFamilies = "DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK SC";

/// One reusable Pango layout bound to a cairo context.
class TextLayout {
public:
    explicit TextLayout(cairo_t* cr);
    ~TextLayout();
    TextLayout(const TextLayout&) = delete;
    TextLayout& operator=(const TextLayout&) = delete;

    /// Lays out `s` wrapped to `width` points (0 = no wrapping); returns its height in points.
    double set(const std::string& s, double size, bool bold = false, double width = 0.0);
    /// Width of the current text in points.
    double width() const;
    double height() const;
    /// Distance from the top of the current text to its first line's baseline, in points.
    double baseline() const;
    /// Draws the current text with its top-left corner at (x, y).
    void draw(double x, double y, Rgb c = kBlack);
    /// set() then draw(); returns the height.
    double text(double x, double y, const std::string& s, double size, bool bold = false,
                double width = 0.0, Rgb c = kBlack);

private:
    cairo_t* cr_;
    PangoLayout* layout_;
    PangoFontDescription* font_;
};

}  // namespace cm::app::pdf
