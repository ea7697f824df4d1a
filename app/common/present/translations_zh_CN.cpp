// SPDX-License-Identifier: Apache-2.0
// Simplified Chinese table for figure labels and report words (terms as GB/T and DY/T use them:
// 亮度 luminance, 色度 chromaticity, 对比度 contrast, 均匀性 uniformity).
#include "app/common/present/translations.h"

#include <map>

namespace cm::app::present {

namespace {

const std::map<std::string, std::string>& labels() {
    static const std::map<std::string, std::string> m = {
        {"Black level (code 0)", "黑电平（码值 0）"},
        {"Blue x", "蓝基色 x"},
        {"Blue y", "蓝基色 y"},
        {"Bottom left corner, % of centre", "左下角，占中心百分比"},
        {"Bottom left corner, Δx to centre", "左下角，与中心的 Δx"},
        {"Bottom left corner, Δy to centre", "左下角，与中心的 Δy"},
        {"Bottom right corner, % of centre", "右下角，占中心百分比"},
        {"Bottom right corner, Δx to centre", "右下角，与中心的 Δx"},
        {"Bottom right corner, Δy to centre", "右下角，与中心的 Δy"},
        {"Bottom side through the left lens, % of centre", "下边（左镜片），占中心百分比"},
        {"Bottom side through the right lens, % of centre", "下边（右镜片），占中心百分比"},
        {"Bottom side, % of centre", "下边，占中心百分比"},
        {"Centre luminance", "中心亮度"},
        {"Centre luminance spread over the reference and 4 further seats",
         "基准座位及另外 4 个座位的中心亮度差异"},
        {"Centre luminance through eyewear, L = (L_left + L_right)/2",
         "透过眼镜的中心亮度，L = (L_左 + L_右)/2"},
        {"Corner BL, % of centre", "左下角，占中心百分比"},
        {"Corner BR, % of centre", "右下角，占中心百分比"},
        {"Corner TL, % of centre", "左上角，占中心百分比"},
        {"Corner TR, % of centre", "右上角，占中心百分比"},
        {"Corner x minus centre x (worst)", "角点 x 减中心 x（最差）"},
        {"Corner y minus centre y (worst)", "角点 y 减中心 y（最差）"},
        {"Crosstalk, left eye", "串扰，左眼"},
        {"Crosstalk, right eye", "串扰，右眼"},
        {"EOTF error, 0.02 < Y ≤ 1.0 cd/m²", "EOTF 误差，0.02 < Y ≤ 1.0 cd/m²"},
        {"EOTF error, 1.0 < Y ≤ 299.6 cd/m²", "EOTF 误差，1.0 < Y ≤ 299.6 cd/m²"},
        {"EOTF error, Y ≤ 0.02 cd/m²", "EOTF 误差，Y ≤ 0.02 cd/m²"},
        {"EOTF tracking, A.2 steps 1–2", "EOTF 跟踪，A.2 第 1–2 级"},
        {"EOTF tracking, A.2 steps 3–10", "EOTF 跟踪，A.2 第 3–10 级"},
        {"EOTF tracking, A.3 step 1", "EOTF 跟踪，A.3 第 1 级"},
        {"EOTF tracking, A.3 steps 2–6", "EOTF 跟踪，A.3 第 2–6 级"},
        {"EOTF tracking, A.3 steps 7–10", "EOTF 跟踪，A.3 第 7–10 级"},
        {"Extinction ratio, left eye (black subtracted)", "消光比，左眼（已减黑场）"},
        {"Extinction ratio, right eye (black subtracted)", "消光比，右眼（已减黑场）"},
        {"Gamma (fit of Table A.2 ramp, black subtracted)", "伽马（表 A.2 灰阶拟合，已减黑场）"},
        {"Gamma (fit of the Table A.2 ramp, black subtracted)",
         "伽马（表 A.2 灰阶拟合，已减黑场）"},
        {"Gamma (fit over both ramps, Tables A.2 and A.3, black subtracted)",
         "伽马（表 A.2 和 A.3 两条灰阶拟合，已减黑场）"},
        {"Green x", "绿基色 x"},
        {"Green y", "绿基色 y"},
        {"Highest sampled module", "抽样模组最高亮度"},
        {"Highest sampled module, % of centre", "抽样模组最高亮度，占中心百分比"},
        {"Intra-frame (4×4 checkerboard) contrast", "帧内（4×4 棋盘格）对比度"},
        {"Intra-frame (checkerboard) contrast", "帧内（棋盘格）对比度"},
        {"Largest Δu'v' between the 9 points", "9 点间最大 Δu'v'"},
        {"Left side through the left lens, % of centre", "左边（左镜片），占中心百分比"},
        {"Left side through the right lens, % of centre", "左边（右镜片），占中心百分比"},
        {"Left side, % of centre", "左边，占中心百分比"},
        {"Left/right luminance difference (mean rule)", "左右眼亮度差（平均值规则）"},
        {"Lowest sampled module", "抽样模组最低亮度"},
        {"Lowest sampled module, % of centre", "抽样模组最低亮度，占中心百分比"},
        {"Minimum active black", "最低有效黑电平"},
        {"Module white x minus centre (worst)", "模组白场 x 减中心（最差）"},
        {"Module white y minus centre (worst)", "模组白场 y 减中心（最差）"},
        {"Non-uniformity over 9 points", "9 点不均匀度"},
        {"Off-axis luminance change, 10° up", "离轴亮度变化，向上 10°"},
        {"Off-axis luminance change, 35° down", "离轴亮度变化，向下 35°"},
        {"Off-axis luminance change, 60° left", "离轴亮度变化，向左 60°"},
        {"Off-axis luminance change, 60° right", "离轴亮度变化，向右 60°"},
        {"Off-axis white Δu'v', 10° up", "离轴白场 Δu'v'，向上 10°"},
        {"Off-axis white Δu'v', 35° down", "离轴白场 Δu'v'，向下 35°"},
        {"Off-axis white Δu'v', 60° left", "离轴白场 Δu'v'，向左 60°"},
        {"Off-axis white Δu'v', 60° right", "离轴白场 Δu'v'，向右 60°"},
        {"Peak white, centre", "峰值白，中心"},
        {"Red x", "红基色 x"},
        {"Red y", "红基色 y"},
        {"Right side through the left lens, % of centre", "右边（左镜片），占中心百分比"},
        {"Right side through the right lens, % of centre", "右边（右镜片），占中心百分比"},
        {"Right side, % of centre", "右边，占中心百分比"},
        {"SDR black (code 0)", "SDR 黑场（码值 0）"},
        {"SDR black (code 0), laboratory maximum", "SDR 黑场（码值 0），实验室上限"},
        {"Sampled non-uniformity N (9 points)", "抽样不均匀度 N（9 点）"},
        {"Screen ambient, display off", "银幕环境光（显示关闭）"},
        {"Sequential contrast", "顺序对比度"},
        {"Sequential contrast (draft black signal)", "顺序对比度（草案黑场信号）"},
        {"Top left corner, % of centre", "左上角，占中心百分比"},
        {"Top left corner, Δx to centre", "左上角，与中心的 Δx"},
        {"Top left corner, Δy to centre", "左上角，与中心的 Δy"},
        {"Top right corner, % of centre", "右上角，占中心百分比"},
        {"Top right corner, Δx to centre", "右上角，与中心的 Δx"},
        {"Top right corner, Δy to centre", "右上角，与中心的 Δy"},
        {"Top side through the left lens, % of centre", "上边（左镜片），占中心百分比"},
        {"Top side through the right lens, % of centre", "上边（右镜片），占中心百分比"},
        {"Top side, % of centre", "上边，占中心百分比"},
        {"White x at centre", "中心白场 x"},
        {"White x at centre, left lens", "中心白场 x，左镜片"},
        {"White x at centre, right lens", "中心白场 x，右镜片"},
        {"White y at centre", "中心白场 y"},
        {"White y at centre, left lens", "中心白场 y，左镜片"},
        {"White y at centre, right lens", "中心白场 y，右镜片"},
    };
    return m;
}

const std::map<std::string, std::string>& words() {
    static const std::map<std::string, std::string> m = {
        {"Screen certification report", "银幕认证检测报告"},
        {"Site", "影院"},
        {"Auditorium", "影厅"},
        {"Screen", "银幕"},
        {"Meter position", "测量位置"},
        {"Instrument", "仪器"},
        {"Source", "来源"},
        {"Measured", "测量时间"},
        {"Operator", "操作员"},
        {"Decision rule", "判定规则"},
        {"Overall verdict", "总体结论"},
        {"INCOMPLETE RUN", "测量未完成"},
        {"Figures", "检测项目"},
        {"Figure", "项目"},
        {"Value ± U (k=2)", "测量值 ± U (k=2)"},
        {"Limit", "限值"},
        {"Verdict", "结论"},
        {"Readings", "读数"},
        {"Step", "步骤"},
        {"Point", "测点"},
        {"Rep", "次"},
        {"Time (UTC)", "时间 (UTC)"},
        {"Charts", "图表"},
        {"Skipped", "已跳过"},
        {"Operator notes", "操作员备注"},
        {"Reading conditions", "读数条件"},
        {"exposure", "曝光"},
        {"ceiling raised to", "曝光上限提高到"},
        {"mean of", "平均次数"},
        {"Signature", "签名"},
        {"Inspector", "检测员"},
        {"Organisation", "机构"},
        {"Date", "日期"},
        {"Key id", "密钥 ID"},
        {"page", "第"},
        {"of", "页，共"},
        {"pages", "页"},
        {"serial", "序列号"},
        {"firmware", "固件"},
        {"field", "视场"},
        {"calibrated", "校准日期"},
        {"certificate", "校准证书"},
        {"correction", "修正"},
        {"none", "无"},
        {"informative: reported, not part of the verdict.", "参考：仅报告，不参与判定。"},
        {"value ± U straddles a limit.", "测量值 ± U 跨越限值。"},
        {"provisional limit (draft or unconfirmed source)", "暂定限值（草案或未确认来源）"},
        {"informative in this run.", "本次仅作参考。"},
        {"binding in this run.", "本次参与判定。"},
        {"Sources", "依据"},
        {"Luminance over the screen", "银幕亮度分布"},
        {"Gamma / EOTF", "伽马 / EOTF"},
        {"Contrast", "对比度"},
        {"Primaries", "基色"},
        {"measured", "实测"},
        {"Spectra", "光谱"},
        {"target", "目标"},
        {"tolerance", "容差"},
    };
    return m;
}

}  // namespace

std::string translateLabel(const std::string& english) {
    const auto it = labels().find(english);
    return it == labels().end() ? english : it->second;
}

std::string tr(const std::string& english, Lang lang) {
    if (lang != Lang::ZhCN) {
        return english;
    }
    const auto it = words().find(english);
    return it == words().end() ? english : it->second;
}

}  // namespace cm::app::present
