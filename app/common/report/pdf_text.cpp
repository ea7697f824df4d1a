// SPDX-License-Identifier: Apache-2.0
// Pango layout wrapper: one layout reused for every string, so wrapping is linear in the text.
#include "app/common/report/pdf_text.h"

namespace cm::app::pdf {

TextLayout::TextLayout(cairo_t* cr)
    : cr_(cr),
      layout_(pango_cairo_create_layout(cr)),
      font_(pango_font_description_from_string(kFontFamilies)) {
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
}

TextLayout::~TextLayout() {
    pango_font_description_free(font_);
    g_object_unref(layout_);
}

double TextLayout::set(const std::string& s, double size, bool bold, double width) {
    pango_font_description_set_absolute_size(font_, size * PANGO_SCALE);
    pango_font_description_set_weight(font_, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, font_);
    pango_layout_set_width(layout_, width > 0.0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_text(layout_, s.c_str(), -1);
    return height();
}

double TextLayout::width() const {
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
}

double TextLayout::height() const {
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

double TextLayout::baseline() const {
    return static_cast<double>(pango_layout_get_baseline(layout_)) / PANGO_SCALE;
}

void TextLayout::draw(double x, double y, Rgb c) {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_update_layout(cr_, layout_);
    pango_cairo_show_layout(cr_, layout_);
}

double TextLayout::text(double x, double y, const std::string& s, double size, bool bold,
                        double width, Rgb c) {
    const double h = set(s, size, bold, width);
    draw(x, y, c);
    return h;
}

}  // namespace cm::app::pdf
