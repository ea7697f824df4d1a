<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../results_page.cpp" line="61"/>
        <source>%1: unknown format (use .pdf, .json or .csv)</source>
        <translation>%1：未知格式（请用 .pdf、.json 或 .csv）</translation>
    </message>
</context>
<context>
    <name>cm::gui::ChromaticityDiagram</name>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="36"/>
        <source>CIE 1931 xy chromaticity diagram</source>
        <translation>CIE 1931 xy 色度图</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="37"/>
        <source>CIE 1976 u&apos;v&apos; chromaticity diagram</source>
        <translation>CIE 1976 u′v′ 色度图</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="91"/>
        <source>CIE 1931 x</source>
        <translation>CIE 1931 x</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="91"/>
        <source>CIE 1976 u′</source>
        <translation>CIE 1976 u′</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="95"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="95"/>
        <source>v′</source>
        <translation>v′</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="119"/>
        <source>%1 at %2 (×%3)</source>
        <translation>%1 @ %2（×%3）</translation>
    </message>
</context>
<context>
    <name>cm::gui::ContrastBars</name>
    <message>
        <location filename="../contrast_bars.cpp" line="18"/>
        <source>Contrast figures</source>
        <translation>对比度指标</translation>
    </message>
    <message>
        <location filename="../contrast_bars.cpp" line="85"/>
        <source>This profile has no contrast figures</source>
        <translation>此规范没有对比度指标</translation>
    </message>
    <message>
        <location filename="../contrast_bars.cpp" line="123"/>
        <source>min %1:1</source>
        <translation>最小 %1:1</translation>
    </message>
</context>
<context>
    <name>cm::gui::DecisionRule</name>
    <message>
        <location filename="../i18n.cpp" line="90"/>
        <source>simple acceptance (ILAC-G8:09/2019 §4.2.1, guard band w = 0)</source>
        <translation>简单接受（ILAC-G8:09/2019 §4.2.1，保护带 w = 0）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="95"/>
        <source>binary statement with guarded acceptance (ILAC-G8:09/2019 §4.2.2, guard band w = U)</source>
        <translation>带保护带接受的二元判定声明（ILAC-G8:09/2019 §4.2.2，保护带 w = U）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="100"/>
        <source>non-binary statement (ILAC-G8:09/2019 §4.2.3, guard band w = U)</source>
        <translation>非二元判定声明（ILAC-G8:09/2019 §4.2.3，保护带 w = U）</translation>
    </message>
</context>
<context>
    <name>cm::gui::FleetPage</name>
    <message>
        <location filename="../fleet_page.cpp" line="51"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="55"/>
        <source>Registry, e.g. postgresql://chain-it@registry.example/cm</source>
        <translation>登记库，例如 postgresql://chain-it@registry.example/cm</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="60"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="61"/>
        <source>Load fleet</source>
        <translation>加载影院群</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="64"/>
        <source>Registry:</source>
        <translation>登记库：</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="66"/>
        <source>Interval:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="79"/>
        <source>Trend: ordinary least-squares line of %1 against time in years of 365.25 days, over every signed session of the screen; U (k=2) of the slope from the residuals (3 or more sessions); projected date = where the line meets the lower limit of the latest session&apos;s profile.</source>
        <translation>趋势：%1 对时间（以 365.25 天为一年）的普通最小二乘直线，基于该银幕所有已签名的会话；斜率的 U（k=2）由残差求得（需 3 个及以上会话）；预计日期 = 该直线与最近一次会话所用规范下限的交点。</translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="93"/>
        <source>Reading the registry…</source>
        <translation>正在读取登记库…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fleet_page.cpp" line="120"/>
        <source>%n screen(s)</source>
        <translation>
            <numerusform>%n 块银幕</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cm::gui::HelpPage</name>
    <message>
        <location filename="../help_page.cpp" line="27"/>
        <source>Keyboard flow of a certification run</source>
        <translation>认证测量的键盘操作流程</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="31"/>
        <source>Every step of a run can be done without the mouse, with the meter in one hand. The run page shows the pattern to put on the screen and the point to aim at; the state line says when the run waits for you.</source>
        <translation>测量的每一步都可以不用鼠标完成，一只手持仪器即可。测量页面显示应在银幕上放映的图案和应瞄准的测点；状态行提示何时等待您操作。</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="36"/>
        <source>N or Enter</source>
        <translation>N 或 Enter</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="36"/>
        <source>Done: the meter is aimed, take the reading</source>
        <translation>完成：仪器已瞄准，进行读数</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="37"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="37"/>
        <source>Retake the last reading</source>
        <translation>重测上一个读数</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="38"/>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="38"/>
        <source>Pause the run; press again to resume</source>
        <translation>暂停测量；再按一次继续</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="39"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="39"/>
        <source>Cancel the reading in progress</source>
        <translation>取消正在进行的读数</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="40"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="40"/>
        <source>Move between fields and buttons</source>
        <translation>在输入框和按钮之间移动</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="41"/>
        <source>Space</source>
        <translation>Space（空格）</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="41"/>
        <source>Press the focused button</source>
        <translation>按下当前焦点所在的按钮</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="43"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="45"/>
        <source>Start: choose the profile, the instrument (or the simulator) and the theatre, then start or resume a session. Run: follow the prompts; every reading is written to the session journal at once, so stopping never loses a reading. Results: figures with their expanded uncertainty U (k = 2), the decision rule, the charts, and the export to PDF, JSON and CSV.</source>
        <translation>开始：选择规范、仪器（或模拟器）和影厅，然后开始或继续一个会话。测量：按提示操作；每个读数立即写入会话日志，因此停止测量不会丢失读数。结果：各检测项目及其扩展不确定度 U（k = 2）、判定规则、图表，以及导出为 PDF、JSON 和 CSV。</translation>
    </message>
    <message>
        <location filename="../help_page.cpp" line="53"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>cm::gui::Language</name>
    <message>
        <location filename="../i18n.cpp" line="46"/>
        <source>en</source>
        <extracomment>The language code of this translation (&quot;zh_CN&quot;), as app/common&apos;s formatters know it.</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>cm::gui::LuminanceMap</name>
    <message>
        <location filename="../luminance_map.cpp" line="35"/>
        <source>Luminance heat map</source>
        <translation>亮度热图</translation>
    </message>
    <message>
        <location filename="../luminance_map.cpp" line="48"/>
        <source>No luminance readings</source>
        <translation>无亮度读数</translation>
    </message>
    <message>
        <location filename="../luminance_map.cpp" line="56"/>
        <source>No step was read at several points</source>
        <translation>没有在多个测点上测量的步骤</translation>
    </message>
    <message>
        <location filename="../luminance_map.cpp" line="100"/>
        <source>Luminance, step &apos;%1&apos; (cd/m²)</source>
        <translation>亮度，步骤“%1”（cd/m²）</translation>
    </message>
</context>
<context>
    <name>cm::gui::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="21"/>
        <source>cinemeasure — screen certification</source>
        <translation>cinemeasure — 银幕认证</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="33"/>
        <source>Fleet</source>
        <translation>影院群</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="40"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="71"/>
        <source>Certification finished</source>
        <translation>认证完成</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="75"/>
        <source>Run stopped; %1 reading(s) kept in session %2. Resume it from the list of unfinished sessions.</source>
        <translation>测量已停止；%1 个读数保存在会话 %2 中。可从未完成会话列表中继续。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="107"/>
        <source>A run is still in progress</source>
        <translation>仍有测量在进行中</translation>
    </message>
</context>
<context>
    <name>cm::gui::Point</name>
    <message>
        <location filename="../i18n.cpp" line="151"/>
        <source>centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="152"/>
        <source>left side</source>
        <translation>左边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="153"/>
        <source>right side</source>
        <translation>右边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="154"/>
        <source>top side</source>
        <translation>上边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="155"/>
        <source>bottom side</source>
        <translation>下边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="156"/>
        <source>top left corner</source>
        <translation>左上角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="157"/>
        <source>top right corner</source>
        <translation>右上角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="158"/>
        <source>bottom left corner</source>
        <translation>左下角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="159"/>
        <source>bottom right corner</source>
        <translation>右下角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="166"/>
        <source>checkerboard patch row %1, column %2</source>
        <translation>棋盘格第 %1 行第 %2 列色块</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="171"/>
        <source>row %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
</context>
<context>
    <name>cm::gui::ProfileAttribute</name>
    <message>
        <location filename="../i18n.cpp" line="116"/>
        <source>theatre</source>
        <translation>影厅</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="117"/>
        <source>review_room</source>
        <translation>审片室</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="118"/>
        <source>projector</source>
        <translation>放映机</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="119"/>
        <source>led</source>
        <translation>LED 显示屏</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="120"/>
        <source>2D</source>
        <translation>2D</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="121"/>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="122"/>
        <source>virtual</source>
        <translation>虚拟仪器</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="123"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>cm::gui::ResultsPage</name>
    <message>
        <location filename="../results_page.cpp" line="91"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="91"/>
        <source>Value ± U (k=2)</source>
        <translation>值 ± U（k=2）</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="91"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="91"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="91"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="117"/>
        <source>CIE 1931 xy</source>
        <translation>CIE 1931 xy</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="118"/>
        <source>CIE 1976 u′v′</source>
        <translation>CIE 1976 u′v′</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="119"/>
        <source>Luminance map</source>
        <translation>亮度分布</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="120"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="127"/>
        <source>Export PDF, JSON and CSV</source>
        <translation>导出 PDF、JSON 和 CSV</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="129"/>
        <source>Export as…</source>
        <translation>导出为…</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="131"/>
        <source>New certification</source>
        <translation>新的认证</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="133"/>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="153"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="155"/>
        <source>PDF report (*.pdf);;JSON report (*.json);;CSV readings (*.csv)</source>
        <translation>PDF 报告 (*.pdf);;JSON 报告 (*.json);;CSV 读数 (*.csv)</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="167"/>
        <source>Overall: %1 — %2</source>
        <translation>总体：%1 — %2</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="171"/>
        <source>Decision rule: %1. Session %2%3</source>
        <translation>判定规则：%1。会话 %2%3</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="174"/>
        <source> — incomplete</source>
        <translation> — 未完成</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="185"/>
        <source>info</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="208"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="218"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="221"/>
        <source>Export failed: %1 (the readings are kept in the session journal)</source>
        <translation>导出失败：%1（读数已保存在会话日志中）</translation>
    </message>
</context>
<context>
    <name>cm::gui::RunPage</name>
    <message>
        <location filename="../run_page.cpp" line="55"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="77"/>
        <location filename="../run_page.cpp" line="202"/>
        <source>No reading yet</source>
        <translation>尚无读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="91"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="91"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="91"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="97"/>
        <source>Verdicts so far</source>
        <translation>当前判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="104"/>
        <source>&amp;Done — measure (N)</source>
        <translation>完成 — 测量（N）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="108"/>
        <source>Retake (R)</source>
        <translation>重测（R）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="113"/>
        <source>Reason for skipping</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="114"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="116"/>
        <location filename="../run_page.cpp" line="178"/>
        <source>Pause (P)</source>
        <translation>暂停（P）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="120"/>
        <source>Cancel reading (Esc)</source>
        <translation>取消读数（Esc）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="124"/>
        <source>Stop run</source>
        <translation>停止测量</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="147"/>
        <source>Retake of task %1 requested</source>
        <translation>已请求重测任务 %1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="164"/>
        <source>Reading cancelled: it is discarded when the instrument returns; run paused</source>
        <translation>读数已取消：仪器返回后将丢弃；测量已暂停</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="169"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="178"/>
        <source>Resume (P)</source>
        <translation>继续（P）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="188"/>
        <source>%1 — session %2</source>
        <translation>%1 — 会话 %2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="204"/>
        <source>Resumed: %1 reading(s) already in the journal</source>
        <translation>已继续：日志中已有 %1 个读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="211"/>
        <source>Task %1 of %2</source>
        <translation>任务 %1 / %2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="215"/>
        <source> through the %1 lens</source>
        <translation>，透过%1镜片</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="217"/>
        <source>Show pattern: %1%2</source>
        <translation>显示图案：%1%2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="218"/>
        <source>Aim at: %1 (%2) — repeat %3 of %4</source>
        <translation>瞄准：%1（%2）— 第 %3 次，共 %4 次</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="228"/>
        <source>Pattern &apos;%1&apos; on screen</source>
        <translation>银幕显示图案“%1”</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="245"/>
        <source>%1: L = %2 cd/m²   x = %3   y = %4</source>
        <translation>%1：L = %2 cd/m²   x = %3   y = %4</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="251"/>
        <source>Reading %1 at %2: %3 cd/m²</source>
        <translation>读数 %1 @ %2：%3 cd/m²</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="276"/>
        <source>Task %1 skipped: %2</source>
        <translation>任务 %1 已跳过：%2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="283"/>
        <source>Back to task %1 for a retake</source>
        <translation>返回任务 %1 重测</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="289"/>
        <source>Reading of task %1 discarded</source>
        <translation>任务 %1 的读数已丢弃</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="296"/>
        <source>Instrument problem: %1
%2 reading(s) are kept in the journal. Check the cable and the instrument, then Retry.</source>
        <translation>仪器故障：%1
%2 个读数已保存在日志中。请检查线缆和仪器，然后重试。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="302"/>
        <source>Instrument problem: %1</source>
        <translation>仪器故障：%1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="314"/>
        <source>Run stopped; %1 reading(s) kept in session %2</source>
        <translation>测量已停止；%1 个读数保存在会话 %2 中</translation>
    </message>
</context>
<context>
    <name>cm::gui::ScreenDiagram</name>
    <message>
        <location filename="../screen_diagram.cpp" line="11"/>
        <source>Screen with measurement points</source>
        <translation>银幕与测量点</translation>
    </message>
</context>
<context>
    <name>cm::gui::SessionStatus</name>
    <message>
        <location filename="../i18n.cpp" line="65"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="68"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="71"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="74"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="77"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="80"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="83"/>
        <source>never certified</source>
        <translation>从未认证</translation>
    </message>
</context>
<context>
    <name>cm::gui::Skip</name>
    <message>
        <location filename="../i18n.cpp" line="109"/>
        <source>skipped by the operator</source>
        <translation>操作员已跳过</translation>
    </message>
</context>
<context>
    <name>cm::gui::StartPage</name>
    <message>
        <location filename="../start_page.cpp" line="48"/>
        <source>Standard profile</source>
        <translation>标准规范</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="55"/>
        <location filename="../start_page.cpp" line="233"/>
        <source>Profile</source>
        <translation>规范</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="64"/>
        <source>%1 · %2 · %3 · %4 screen%5</source>
        <translation>%1 · %2 · %3 · %4 银幕%5</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="68"/>
        <source> · provisional</source>
        <translation> · 暂定</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="72"/>
        <source>Cannot load the profiles: %1</source>
        <translation>无法加载规范：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="76"/>
        <source>Theatre</source>
        <translation>影厅</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="78"/>
        <location filename="../start_page.cpp" line="315"/>
        <location filename="../start_page.cpp" line="320"/>
        <source>Simulated site</source>
        <translation>模拟场所</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="89"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="97"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="98"/>
        <source>Auditorium</source>
        <translation>影厅名称</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="99"/>
        <source>Screen width</source>
        <translation>银幕宽度</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="100"/>
        <source>Screen height</source>
        <translation>银幕高度</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="101"/>
        <source>Seat position</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="102"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="106"/>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="108"/>
        <source>Simulator (virtual theatre)</source>
        <translation>模拟器（虚拟影厅）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="110"/>
        <source>Instrument on a serial port</source>
        <translation>串口仪器</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="129"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="130"/>
        <source>unplug the cable</source>
        <translation>拔出线缆</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="131"/>
        <source>garbled reply</source>
        <translation>应答乱码</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="132"/>
        <source>dropped reply</source>
        <translation>应答丢失</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="133"/>
        <source>slow reply</source>
        <translation>应答缓慢</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="134"/>
        <source>over range</source>
        <translation>超量程</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="135"/>
        <source>too dark</source>
        <translation>亮度过低</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="136"/>
        <source>instrument error code</source>
        <translation>仪器错误代码</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="148"/>
        <source>Wait for Done at each point, as with a real instrument</source>
        <translation>每个测量点等待“完成”，与真实仪器相同</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="150"/>
        <source>Virtual theatre</source>
        <translation>虚拟影厅</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="151"/>
        <source>Instrument family</source>
        <translation>仪器系列</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="152"/>
        <source>Fault injection (demo)</source>
        <translation>故障注入（演示）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="153"/>
        <source>Fault at measurement</source>
        <translation>故障发生于第几次测量</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="154"/>
        <source>Time scale (s per simulated s)</source>
        <translation>时间比例（每模拟秒的实际秒数）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="160"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="170"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="171"/>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="174"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="178"/>
        <source>Simple acceptance (ILAC-G8, w = 0)</source>
        <translation>简单接受（ILAC-G8，w = 0）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="179"/>
        <source>Guarded acceptance, binary (ILAC-G8, w = U)</source>
        <translation>带保护带的接受，二元判定（ILAC-G8，w = U）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="180"/>
        <source>Non-binary statement (ILAC-G8, w = U)</source>
        <translation>非二元判定声明（ILAC-G8，w = U）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="182"/>
        <source>Accept a colorimeter without a correction for this screen</source>
        <translation>接受没有针对此银幕修正的色度计</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="185"/>
        <source>Rehearsal: accept an instrument the profile does not allow (no overall verdict)</source>
        <translation>演练：接受规范不允许的仪器（不给出总体结论）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="210"/>
        <source>Decision rule</source>
        <translation>判定规则</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="211"/>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="216"/>
        <source>Start certification</source>
        <translation>开始认证</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="228"/>
        <source>Unfinished sessions</source>
        <translation>未完成的会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="233"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="233"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="233"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="239"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="241"/>
        <source>Resume session</source>
        <translation>继续会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="355"/>
        <source>Session journal: %1</source>
        <translation>会话日志：%1</translation>
    </message>
</context>
<context>
    <name>cm::gui::Stimulus</name>
    <message>
        <location filename="../i18n.cpp" line="130"/>
        <source>white</source>
        <translation>白场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="131"/>
        <source>black</source>
        <translation>黑场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="132"/>
        <source>red</source>
        <translation>红场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="133"/>
        <source>green</source>
        <translation>绿场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="134"/>
        <source>blue</source>
        <translation>蓝场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="135"/>
        <source>checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="136"/>
        <source>code</source>
        <translation>码值</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="137"/>
        <source>off</source>
        <translation>关闭显示</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="138"/>
        <source>3d_white</source>
        <translation>3D 白场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="139"/>
        <source>3d_black</source>
        <translation>3D 黑场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="140"/>
        <source>3d_left_white</source>
        <translation>3D 左眼白场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="141"/>
        <source>3d_right_white</source>
        <translation>3D 右眼白场</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="142"/>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="143"/>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="144"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>cm::gui::Verdict</name>
    <message>
        <location filename="../theme.cpp" line="64"/>
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="66"/>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="68"/>
        <source>CONDITIONAL PASS</source>
        <translation>有条件合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="70"/>
        <source>CONDITIONAL FAIL</source>
        <translation>有条件不合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="74"/>
        <source>NOT EVALUATED</source>
        <translation>未评估</translation>
    </message>
</context>
</TS>
