<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../results_page.cpp" line="60"/>
        <source>%1: unknown format (use .pdf, .json or .csv)</source>
        <translation>%1：未知格式（请用 .pdf、.json 或 .csv）</translation>
    </message>
</context>
<context>
    <name>cm::gui::ChromaticityDiagram</name>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="35"/>
        <source>CIE 1931 xy chromaticity diagram</source>
        <translation>CIE 1931 xy 色度图</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="36"/>
        <source>CIE 1976 u&apos;v&apos; chromaticity diagram</source>
        <translation>CIE 1976 u′v′ 色度图</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="62"/>
        <source>CIE 1931 x</source>
        <translation>CIE 1931 x</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="62"/>
        <source>CIE 1976 u′</source>
        <translation>CIE 1976 u′</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="66"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="66"/>
        <source>v′</source>
        <translation>v′</translation>
    </message>
    <message>
        <location filename="../chromaticity_diagram.cpp" line="91"/>
        <source>%1 at %2 (×%3)</source>
        <translation>%1 @ %2（×%3）</translation>
    </message>
</context>
<context>
    <name>cm::gui::ContrastBars</name>
    <message>
        <location filename="../contrast_bars.cpp" line="15"/>
        <source>Contrast figures</source>
        <translation>对比度指标</translation>
    </message>
    <message>
        <location filename="../contrast_bars.cpp" line="39"/>
        <source>This profile has no contrast figures</source>
        <translation>此规范没有对比度指标</translation>
    </message>
    <message>
        <location filename="../contrast_bars.cpp" line="80"/>
        <source>min %1:1</source>
        <translation>最小 %1:1</translation>
    </message>
</context>
<context>
    <name>cm::gui::FleetPage</name>
    <message>
        <location filename="../fleet_page.cpp" line="49"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="53"/>
        <source>Registry, e.g. postgresql://chain-it@registry.example/cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="58"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="59"/>
        <source>Load fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="62"/>
        <source>Registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="64"/>
        <source>Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fleet_page.cpp" line="85"/>
        <source>Reading the registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fleet_page.cpp" line="112"/>
        <source>%n screen(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cm::gui::LuminanceMap</name>
    <message>
        <location filename="../luminance_map.cpp" line="34"/>
        <source>Luminance heat map</source>
        <translation>亮度热图</translation>
    </message>
    <message>
        <location filename="../luminance_map.cpp" line="47"/>
        <source>No luminance readings</source>
        <translation>无亮度读数</translation>
    </message>
    <message>
        <location filename="../luminance_map.cpp" line="55"/>
        <source>No step was read at several points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../luminance_map.cpp" line="99"/>
        <source>Luminance, step &apos;%1&apos; (cd/m²)</source>
        <translation>亮度，步骤“%1”（cd/m²）</translation>
    </message>
</context>
<context>
    <name>cm::gui::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="20"/>
        <source>cinemeasure — screen certification</source>
        <translation>cinemeasure — 银幕认证</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="32"/>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="56"/>
        <source>Certification finished</source>
        <translation>认证完成</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="60"/>
        <source>Run stopped; %1 reading(s) kept in session %2. Resume it from the list of unfinished sessions.</source>
        <translation>测量已停止；%1 个读数保存在会话 %2 中。可从未完成会话列表中继续。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="92"/>
        <source>A run is still in progress</source>
        <translation>仍有测量在进行中</translation>
    </message>
</context>
<context>
    <name>cm::gui::ResultsPage</name>
    <message>
        <location filename="../results_page.cpp" line="90"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="90"/>
        <source>Value ± U (k=2)</source>
        <translation>值 ± U（k=2）</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="90"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="90"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="90"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="106"/>
        <source>CIE 1931 xy</source>
        <translation>CIE 1931 xy</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="107"/>
        <source>CIE 1976 u′v′</source>
        <translation>CIE 1976 u′v′</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="108"/>
        <source>Luminance map</source>
        <translation>亮度分布</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="109"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="116"/>
        <source>Export PDF, JSON and CSV</source>
        <translation>导出 PDF、JSON 和 CSV</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="118"/>
        <source>Export as…</source>
        <translation>导出为…</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="120"/>
        <source>New certification</source>
        <translation>新的认证</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="122"/>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="142"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="144"/>
        <source>PDF report (*.pdf);;JSON report (*.json);;CSV readings (*.csv)</source>
        <translation>PDF 报告 (*.pdf);;JSON 报告 (*.json);;CSV 读数 (*.csv)</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="157"/>
        <source>Overall: %1 — %2</source>
        <translation>总体：%1 — %2</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="161"/>
        <source>Decision rule: %1. Session %2%3</source>
        <translation>判定规则：%1。会话 %2%3</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="164"/>
        <source> — incomplete</source>
        <translation> — 未完成</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="174"/>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="198"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="208"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../results_page.cpp" line="211"/>
        <source>Export failed: %1 (the readings are kept in the session journal)</source>
        <translation>导出失败：%1（读数已保存在会话日志中）</translation>
    </message>
</context>
<context>
    <name>cm::gui::RunPage</name>
    <message>
        <location filename="../run_page.cpp" line="54"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="76"/>
        <location filename="../run_page.cpp" line="200"/>
        <source>No reading yet</source>
        <translation>尚无读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="90"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="90"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="90"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="96"/>
        <source>Verdicts so far</source>
        <translation>当前判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="103"/>
        <source>&amp;Done — measure (N)</source>
        <translation>完成 — 测量(&amp;D)（N）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="107"/>
        <source>Retake (R)</source>
        <translation>重测（R）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="112"/>
        <source>Reason for skipping</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="113"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="115"/>
        <location filename="../run_page.cpp" line="177"/>
        <source>Pause (P)</source>
        <translation>暂停（P）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="119"/>
        <source>Cancel reading (Esc)</source>
        <translation>取消读数（Esc）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="123"/>
        <source>Stop run</source>
        <translation>停止测量</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="146"/>
        <source>Retake of task %1 requested</source>
        <translation>已请求重测任务 %1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="163"/>
        <source>Reading cancelled: it is discarded when the instrument returns; run paused</source>
        <translation>读数已取消：仪器返回后将丢弃；测量已暂停</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="168"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="177"/>
        <source>Resume (P)</source>
        <translation>继续（P）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="187"/>
        <source>%1 — session %2</source>
        <translation>%1 — 会话 %2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="202"/>
        <source>Resumed: %1 reading(s) already in the journal</source>
        <translation>已继续：日志中已有 %1 个读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="209"/>
        <source>Task %1 of %2</source>
        <translation>任务 %1 / %2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="211"/>
        <source> through the %1 lens</source>
        <translation>，透过%1镜片</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="212"/>
        <source>Show pattern: %1%2</source>
        <translation>显示图案：%1%2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="213"/>
        <source>Aim at: %1 (%2) — repeat %3 of %4</source>
        <translation>瞄准：%1（%2）— 第 %3 次，共 %4 次</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="223"/>
        <source>Pattern &apos;%1&apos; on screen</source>
        <translation>银幕显示图案“%1”</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="240"/>
        <source>%1: L = %2 cd/m²   x = %3   y = %4</source>
        <translation>%1：L = %2 cd/m²   x = %3   y = %4</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="246"/>
        <source>Reading %1 at %2: %3 cd/m²</source>
        <translation>读数 %1 @ %2：%3 cd/m²</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="271"/>
        <source>Task %1 skipped: %2</source>
        <translation>任务 %1 已跳过：%2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="278"/>
        <source>Back to task %1 for a retake</source>
        <translation>返回任务 %1 重测</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="284"/>
        <source>Reading of task %1 discarded</source>
        <translation>任务 %1 的读数已丢弃</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="291"/>
        <source>Instrument problem: %1
%2 reading(s) are kept in the journal. Check the cable and the instrument, then Retry.</source>
        <translation>仪器故障：%1
%2 个读数已保存在日志中。请检查线缆和仪器，然后重试。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="297"/>
        <source>Instrument problem: %1</source>
        <translation>仪器故障：%1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="309"/>
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
    <name>cm::gui::StartPage</name>
    <message>
        <location filename="../start_page.cpp" line="47"/>
        <source>Standard profile</source>
        <translation>标准规范</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="54"/>
        <location filename="../start_page.cpp" line="223"/>
        <source>Profile</source>
        <translation>规范</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="62"/>
        <source>%1 · %2 · %3 · %4 screen%5</source>
        <translation>%1 · %2 · %3 · %4 银幕%5</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="65"/>
        <source> · provisional</source>
        <translation> · 暂定</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="69"/>
        <source>Cannot load the profiles: %1</source>
        <translation>无法加载规范：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="73"/>
        <source>Theatre</source>
        <translation>影厅</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="75"/>
        <location filename="../start_page.cpp" line="305"/>
        <location filename="../start_page.cpp" line="310"/>
        <source>Simulated site</source>
        <translation>模拟场所</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="86"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="94"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="95"/>
        <source>Auditorium</source>
        <translation>影厅名称</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="96"/>
        <source>Screen width</source>
        <translation>银幕宽度</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="97"/>
        <source>Screen height</source>
        <translation>银幕高度</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="98"/>
        <source>Seat position</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="99"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="103"/>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="105"/>
        <source>Simulator (virtual theatre)</source>
        <translation>模拟器（虚拟影厅）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="107"/>
        <source>Instrument on a serial port</source>
        <translation>串口仪器</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="138"/>
        <source>Wait for Done at each point, as with a real instrument</source>
        <translation>每个测量点等待“完成”，与真实仪器相同</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="140"/>
        <source>Virtual theatre</source>
        <translation>虚拟影厅</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="141"/>
        <source>Instrument family</source>
        <translation>仪器系列</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="142"/>
        <source>Fault injection (demo)</source>
        <translation>故障注入（演示）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="143"/>
        <source>Fault at measurement</source>
        <translation>故障发生于第几次测量</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="144"/>
        <source>Time scale (s per simulated s)</source>
        <translation>时间比例（每模拟秒的实际秒数）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="150"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="160"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="161"/>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="164"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="168"/>
        <source>Simple acceptance (ILAC-G8, w = 0)</source>
        <translation>简单接受（ILAC-G8，w = 0）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="169"/>
        <source>Guarded acceptance, binary (ILAC-G8, w = U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="170"/>
        <source>Non-binary statement (ILAC-G8, w = U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="172"/>
        <source>Accept a colorimeter without a correction for this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="175"/>
        <source>Rehearsal: accept an instrument the profile does not allow (no overall verdict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="200"/>
        <source>Decision rule</source>
        <translation>判定规则</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="201"/>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="206"/>
        <source>Start certification</source>
        <translation>开始认证</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="218"/>
        <source>Unfinished sessions</source>
        <translation>未完成的会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="223"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="223"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="223"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="229"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="231"/>
        <source>Resume session</source>
        <translation>继续会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="345"/>
        <source>Session journal: %1</source>
        <translation>会话日志：%1</translation>
    </message>
</context>
<context>
    <name>cm::gui::Verdict</name>
    <message>
        <location filename="../theme.cpp" line="59"/>
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="61"/>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="63"/>
        <source>CONDITIONAL PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="65"/>
        <source>CONDITIONAL FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="69"/>
        <source>NOT EVALUATED</source>
        <translation>未评估</translation>
    </message>
</context>
</TS>
