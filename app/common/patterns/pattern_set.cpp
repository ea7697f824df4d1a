// SPDX-License-Identifier: Apache-2.0
// Planning, manifest and careful writing of a profile's pattern files.
#include "app/common/patterns/pattern_set.h"
#include "app/common/storage/safe_file.h"

#include "app/common/data_paths.h"
#include "app/common/patterns/image_files.h"
#include "libmeasure/patterns/preview.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace cm::app {

namespace {

using patterns::CodeValues12;
using patterns::Eye;
using patterns::FrameSpec;
using patterns::Layout;

constexpr const char* kManifestJson = "manifest.json";
constexpr const char* kManifestText = "manifest.txt";

const char* kContainerConvention =
    "12-bit code values in 16-bit TIFF samples, value = code << 4 (the 12 bits in the most "
    "significant bits, low 4 bits zero), as DCP authoring tools expect: OpenDCP reads a 16-bit "
    "sample s as the 12-bit component s >> 4 (its TIFF decoder)";
const char* kSampleConvention =
    "X', Y', Z' as TIFF samples 1, 2, 3 (photometric RGB, contiguous, LZW), as OpenDCP and "
    "DCP-o-matic read X'Y'Z' TIFFs; tell the authoring tool the input is already X'Y'Z' so it "
    "applies no colour conversion";
const char* kPreviewNote =
    "PNG previews are for orientation only, never for display on the screen under test: 1/4 "
    "size, codes decoded (gamma 2.6 with 48 cd/m2 white -> 1.0; PQ tone-mapped Y/(Y+100 cd/m2) "
    "scaled so 300 cd/m2 -> 1.0, chromaticity kept), SDR adapted from the DCI white to D65 "
    "(Bradford), XYZ -> sRGB (D65), clipped, 8-bit";

std::string encodingText(patterns::Encoding e) {
    return e == patterns::Encoding::Pq
               ? "HDR: SMPTE ST 2084 (PQ) X''Y''Z'', 12-bit (DCI HDR D-Cinema Addendum)"
               : "SDR: DCI X'Y'Z' gamma 2.6, 12-bit, 4095 = 52.37 cd/m2 (SMPTE ST 428-1, RP "
                 "431-2 §7.7)";
}

const char* eyeText(Eye e) {
    switch (e) {
        case Eye::Left:
            return "left";
        case Eye::Right:
            return "right";
        case Eye::Both:
            break;
    }
    return "both";
}

std::string code4(const CodeValues12& c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%04d-%04d", c[0], c[1], c[2]);
    return buf;
}

std::string codeSlash(const CodeValues12& c) {
    return std::to_string(c[0]) + "/" + std::to_string(c[1]) + "/" + std::to_string(c[2]);
}

/// File-name-safe form of a stimulus ("grey:0.5" → "grey-0.5", "code:1,2,3" → "code-1-2-3").
std::string slug(const std::string& stimulus) {
    std::string s;
    for (char ch : stimulus) {
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
        s += keep ? ch : '-';
    }
    return s;
}

/// The code that names a pattern: its brightest (largest Y') code, i.e. the field or the white.
CodeValues12 namingCode(const patterns::PatternSpec& p) {
    CodeValues12 best = p.frames.front().first;
    for (const auto& f : p.frames) {
        for (const auto& c : {f.first, f.second}) {
            if (c[1] > best[1]) {
                best = c;
            }
        }
    }
    return best;
}

nlohmann::json codeJson(const CodeValues12& c) {
    return nlohmann::json::array({c[0], c[1], c[2]});
}

nlohmann::json code16Json(const CodeValues12& c) {
    return nlohmann::json::array({patterns::toContainer16(c[0]), patterns::toContainer16(c[1]),
                                  patterns::toContainer16(c[2])});
}

std::string tiffDescription(const PatternSet& set, const PatternFile& f) {
    std::string d = "cinemeasure pattern for profile " + set.profile_id + ": stimulus " +
                    f.stimulus + ", X'Y'Z' " + codeSlash(f.frame.first);
    if (f.frame.layout == Layout::Checkerboard) {
        d += " top-left patch / " + codeSlash(f.frame.second) + " alternate (4x4 checkerboard)";
    }
    if (f.frame.eye != Eye::Both) {
        d += std::string(", ") + eyeText(f.frame.eye) + " eye";
    }
    return d + "; 12-bit codes << 4";
}

void removeQuietly(const std::filesystem::path& p) {
    std::error_code ec;
    std::filesystem::remove(p, ec);
}

}  // namespace

PatternSet planPatternSet(const procedure::Profile& profile, patterns::ImageSize size) {
    PatternSet set;
    set.profile_id = profile.id;
    set.profile_title = profile.title;
    set.dynamic_range = profile.dynamic_range;
    set.stereo = profile.stereo;
    set.encoding =
        profile.dynamic_range == "HDR" ? patterns::Encoding::Pq : patterns::Encoding::DciGamma26;
    set.size = size;

    struct Planned {
        std::string stimulus;
        std::vector<FrameSpec> frames;
        std::vector<std::size_t> file_indices;
    };
    std::vector<Planned> planned;
    // Count the distinct patterns first so the numeric prefix has a fixed width.
    std::vector<std::pair<const procedure::Step*, patterns::PatternSpec>> resolved;
    for (const auto& step : profile.steps) {
        try {
            resolved.emplace_back(
                &step, patterns::resolvePattern(step.stimulus, step.code_xyz, set.encoding));
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("profile " + profile.id + ", step '" + step.id +
                                        "': " + e.what());
        }
    }
    int pattern_number = 0;
    for (const auto& entry : resolved) {
        // Named references, not a structured binding: clang 14 cannot capture those in a lambda.
        const procedure::Step* step = entry.first;
        const patterns::PatternSpec& spec = entry.second;
        auto it = std::find_if(planned.begin(), planned.end(), [&](const Planned& p) {
            return p.stimulus == spec.stimulus && p.frames == spec.frames;
        });
        if (it == planned.end()) {
            ++pattern_number;
            char prefix[16];
            std::snprintf(prefix, sizeof prefix, "%02d", pattern_number);
            const std::string base =
                std::string(prefix) + "_" + slug(spec.stimulus) + "_" + code4(namingCode(spec));
            Planned p{spec.stimulus, spec.frames, {}};
            for (const auto& frame : spec.frames) {
                const std::string suffix = frame.eye == Eye::Left    ? "_L"
                                           : frame.eye == Eye::Right ? "_R"
                                                                     : "";
                p.file_indices.push_back(set.files.size());
                set.files.push_back(PatternFile{
                    base + suffix + ".tif", base + suffix + ".png", spec.stimulus, frame, {}});
            }
            planned.push_back(std::move(p));
            it = planned.end() - 1;
        }
        PatternStep ps{step->id, step->stimulus, step->eyewear, step->instruction, {}};
        for (std::size_t i : it->file_indices) {
            set.files[i].steps.push_back(step->id);
            ps.files.push_back(set.files[i].tiff);
        }
        set.steps.push_back(std::move(ps));
    }
    return set;
}

std::string patternManifestJson(const PatternSet& set) {
    using nlohmann::json;
    std::map<std::string, const PatternStep*> step_by_id;
    for (const auto& s : set.steps) {
        step_by_id[s.id] = &s;
    }
    json files = json::array();
    for (const auto& f : set.files) {
        json j{
            {"tiff", f.tiff},
            {"preview", f.preview},
            {"stimulus", f.stimulus},
            {"layout", f.frame.layout == Layout::Checkerboard ? "checkerboard_4x4" : "full_field"},
            {"eye", eyeText(f.frame.eye)},
            {"code_xyz", codeJson(f.frame.first)},
            {"code_xyz_16bit", code16Json(f.frame.first)}};
        if (f.frame.layout == Layout::Checkerboard) {
            j["code_xyz_note"] = "code_xyz is the top-left patch; alternate_code_xyz the others";
            j["alternate_code_xyz"] = codeJson(f.frame.second);
            j["alternate_code_xyz_16bit"] = code16Json(f.frame.second);
        }
        json steps = json::array();
        for (const auto& id : f.steps) {
            const PatternStep* s = step_by_id.at(id);
            steps.push_back(
                {{"id", s->id}, {"eyewear", s->eyewear}, {"instruction", s->instruction}});
        }
        j["steps"] = steps;
        files.push_back(j);
    }
    json steps = json::array();
    for (const auto& s : set.steps) {
        steps.push_back({{"id", s.id},
                         {"stimulus", s.stimulus},
                         {"eyewear", s.eyewear},
                         {"instruction", s.instruction},
                         {"files", s.files}});
    }
    const json doc{{"schema", "cinemeasure-patterns"},
                   {"version", 1},
                   {"profile",
                    {{"id", set.profile_id},
                     {"title", set.profile_title},
                     {"dynamic_range", set.dynamic_range},
                     {"stereo", set.stereo}}},
                   {"size", {{"width", set.size.width}, {"height", set.size.height}}},
                   {"code_convention",
                    {{"encoding", encodingText(set.encoding)},
                     {"container", kContainerConvention},
                     {"samples", kSampleConvention},
                     {"checkerboard",
                      "4x4 patches (SMPTE RP 431-2 §7.6); patch column i spans x in [floor(i*W/4), "
                      "floor((i+1)*W/4)), rows likewise; the top-left patch is code_xyz"}}},
                   {"preview", kPreviewNote},
                   {"files", files},
                   {"steps", steps}};
    return doc.dump(2) + "\n";
}

std::string patternManifestText(const PatternSet& set) {
    std::ostringstream os;
    os << "cinemeasure patterns for profile " << set.profile_id << "\n"
       << set.profile_title << "\n\n"
       << "Size        " << set.size.width << " x " << set.size.height << " pixels\n"
       << "Encoding    " << encodingText(set.encoding) << "\n"
       << "Container   " << kContainerConvention << "\n"
       << "Samples     " << kSampleConvention << "\n"
       << "Previews    " << kPreviewNote << "\n\n"
       << "Steps (show the file(s) listed, then follow the instruction)\n";
    for (const auto& s : set.steps) {
        os << "  " << s.id << "  [" << s.stimulus
           << (s.eyewear != "none" ? ", meter behind the " + s.eyewear + " lens" : "") << "]\n";
        for (const auto& f : s.files) {
            os << "      " << f << "\n";
        }
        if (!s.instruction.empty()) {
            os << "      " << s.instruction << "\n";
        }
    }
    os << "\nFiles\n";
    for (const auto& f : set.files) {
        os << "  " << f.tiff << "  (preview " << f.preview << ")\n"
           << "      stimulus " << f.stimulus;
        if (f.frame.eye != Eye::Both) {
            os << ", " << eyeText(f.frame.eye) << " eye";
        }
        if (f.frame.layout == Layout::Checkerboard) {
            os << ", 4x4 checkerboard: top-left " << codeSlash(f.frame.first) << ", alternate "
               << codeSlash(f.frame.second) << "\n";
        } else {
            os << ", X'Y'Z' " << codeSlash(f.frame.first) << "\n";
        }
        os << "      used by";
        for (const auto& id : f.steps) {
            os << " " << id;
        }
        os << "\n";
    }
    return os.str();
}

void writePatternSet(const PatternSet& set, const std::filesystem::path& dir) {
    // Private temporary files (removed by their destructors on any failure), renamed at the end.
    std::vector<std::unique_ptr<TempFile>> staged;
    for (const auto& f : set.files) {
        const auto image = patterns::renderFrame(f.frame, set.size);
        staged.push_back(std::make_unique<TempFile>(dir / f.tiff));
        writeXyzTiff(staged.back()->path(), image, tiffDescription(set, f));
        staged.push_back(std::make_unique<TempFile>(dir / f.preview));
        writeRgbPng(staged.back()->path(), patterns::renderPreview(image, set.encoding));
    }
    // An older set's manifest must not describe a directory being rewritten.
    removeQuietly(dir / kManifestJson);
    removeQuietly(dir / kManifestText);
    for (auto& tmp : staged) {
        tmp->commit();
    }
    writeFileAtomically(dir / kManifestText, patternManifestText(set));
    writeFileAtomically(dir / kManifestJson, patternManifestJson(set));
}

}  // namespace cm::app
