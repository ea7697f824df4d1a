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
    <name>RunText</name>
    <message>
        <location filename="../run_text.cpp" line="32"/>
        <source>ok</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="34"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="36"/>
        <source>not fit</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="38"/>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="45"/>
        <source>acceptance angle</source>
        <translation>接收角</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="48"/>
        <source>spot size</source>
        <translation>光斑尺寸</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="51"/>
        <source>range</source>
        <translation>量程</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="54"/>
        <source>spectral correction</source>
        <translation>光谱修正</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="57"/>
        <source>accuracy</source>
        <translation>准确度</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="60"/>
        <source>calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="70"/>
        <source>the instrument does not state its acceptance angle</source>
        <translation>仪器未说明其接收角</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="73"/>
        <source>acceptance angle %1° exceeds the %2° the profile allows</source>
        <translation>接收角 %1° 超过规范允许的 %2°</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="77"/>
        <source>acceptance angle within the profile&apos;s maximum</source>
        <translation>接收角在规范允许的最大值之内</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="81"/>
        <source>measuring distance unknown: spot size not checked</source>
        <translation>测量距离未知：未检查光斑尺寸</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="84"/>
        <source>a %1 m spot is wider than twice the %2 m edge inset: edge readings would include light from beyond the screen</source>
        <translation>%1 m 的光斑大于边缘内缩 %2 m 的两倍：边缘读数会包含银幕以外的光</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="90"/>
        <source>a %1 m spot does not fit inside the %2 m checkerboard patches</source>
        <translation>%1 m 的光斑无法落在 %2 m 的棋盘格色块之内</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="94"/>
        <source>spot fits the points and patches</source>
        <translation>光斑落在测点和色块之内</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="98"/>
        <source>the instrument reads only down to %1 cd/m², the darkest level needs %2 cd/m²</source>
        <translation>仪器最低只能测到 %1 cd/m²，最暗电平需要 %2 cd/m²</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="104"/>
        <source>range covers the darkest level</source>
        <translation>量程覆盖最暗电平</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="107"/>
        <source>no low-light requirement</source>
        <translation>无低亮度要求</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="111"/>
        <source>the profile needs a spectroradiometer</source>
        <translation>该规范要求使用光谱辐射计</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="114"/>
        <source>colorimeter without a correction for this screen type (informative run)</source>
        <translation>色度计没有针对此类银幕的修正（仅作参考的测量）</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="118"/>
        <source>colorimeter without a correction for this screen type, accepted for this run (recorded)</source>
        <translation>色度计没有针对此类银幕的修正，本次测量已接受（已记录）</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="123"/>
        <source>colorimeter without a correction for this screen type: not allowed for a binding verdict (choose a correction file, or accept the uncorrected colorimeter to record the exception)</source>
        <translation>色度计没有针对此类银幕的修正：不能用于有约束力的判定（请选择修正文件，或接受未修正的色度计并记录此例外）</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="129"/>
        <source>instrument type unknown (no uncertainty model for this model)</source>
        <translation>仪器类型未知（此型号没有不确定度模型）</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="132"/>
        <source>colorimeter with a screen correction</source>
        <translation>带银幕修正的色度计</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="135"/>
        <source>spectral instrument, no correction needed</source>
        <translation>光谱仪器，无需修正</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="139"/>
        <source>the profile states no accuracy requirement</source>
        <translation>该规范未规定准确度要求</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="142"/>
        <source>virtual meter: no calibration error</source>
        <translation>虚拟测量仪：无校准误差</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="145"/>
        <source>the instrument&apos;s stated accuracy is unknown</source>
        <translation>仪器标称准确度未知</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="148"/>
        <source>the data sheet&apos;s accuracy is coarser than the standard asks; U carries it</source>
        <translation>数据手册的准确度低于标准要求；已计入 U</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="152"/>
        <source>stated accuracy meets the requirement</source>
        <translation>标称准确度满足要求</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="156"/>
        <source>virtual meter: no calibration</source>
        <translation>虚拟测量仪：无需校准</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="159"/>
        <source>instrument calibration date not recorded</source>
        <translation>未记录仪器校准日期</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="162"/>
        <source>calibration date lies in the future</source>
        <translation>校准日期在未来</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="165"/>
        <source>calibration is %1 months old, past the %2-month interval</source>
        <translation>校准已过 %1 个月，超过 %2 个月的周期</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="170"/>
        <source>calibration certificate id not recorded</source>
        <translation>未记录校准证书编号</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="173"/>
        <source>calibration within its interval</source>
        <translation>校准在有效周期内</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="183"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="212"/>
        <source>Show &apos;%1&apos;</source>
        <translation>显示“%1”</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="214"/>
        <source> (X&apos;Y&apos;Z&apos; %1/%2/%3)</source>
        <translation>（X&apos;Y&apos;Z&apos; %1/%2/%3）</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="219"/>
        <source>; aim at %1 [%2]</source>
        <translation>；对准%1 [%2]</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="223"/>
        <source>, meter normal to the screen in front of the point</source>
        <translation>，仪器在测点正前方垂直于银幕</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="224"/>
        <source> from seat &apos;%1&apos;</source>
        <translation>，在“%1”座位测量</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="226"/>
        <source>, through the %1 lens</source>
        <translation>，透过%1镜片</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="229"/>
        <source>; repeat %1 of %2</source>
        <translation>；第 %1 次，共 %2 次</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="232"/>
        <source>. %1</source>
        <translation>。%1</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="243"/>
        <source>Virtual spot meter</source>
        <translation>虚拟点式亮度计</translation>
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
        <location filename="../main_window.cpp" line="23"/>
        <source>cinemeasure — screen certification</source>
        <translation>cinemeasure — 银幕认证</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="35"/>
        <source>Fleet</source>
        <translation>影院群</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="44"/>
        <source>LED wall</source>
        <translation>LED 显示屏</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="46"/>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="68"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="102"/>
        <source>Certification finished</source>
        <translation>认证完成</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="106"/>
        <source>Run stopped; %1 reading(s) kept in session %2. Resume it from the list of unfinished sessions.</source>
        <translation>测量已停止；%1 个读数保存在会话 %2 中。可从未完成会话列表中继续。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="138"/>
        <source>A run is still in progress</source>
        <translation>仍有测量在进行中</translation>
    </message>
</context>
<context>
    <name>cm::gui::ModuleMap</name>
    <message>
        <location filename="../module_map.cpp" line="38"/>
        <source>Colour: module luminance / wall mean; outlined: outside the limits; rings: dead or stuck LEDs</source>
        <translation>颜色：模组亮度 / 显示屏均值；描边：超出限值；圆环：坏点或常亮点 LED</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="94"/>
        <source>Module column %1, row %2 (cabinet %3, %4)</source>
        <translation>模组第 %1 列、第 %2 行（箱体 %3, %4）</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="99"/>
        <source>Luminance %1 cd/m², %2 ± %3 of the wall mean</source>
        <translation>亮度 %1 cd/m²，为显示屏均值的 %2 ± %3</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="104"/>
        <source>Chromaticity x %1, y %2; largest Δu′v′ to a neighbour %3</source>
        <translation>色度 x %1，y %2；与相邻模组的最大 Δu′v′ %3</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="109"/>
        <source>Largest step to a neighbour %1 %; pixel defects %2</source>
        <translation>与相邻模组的最大亮度跃变 %1 %；像素缺陷 %2</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="112"/>
        <source>Within the limits</source>
        <translation>在限值内</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="112"/>
        <source>Outside the limits</source>
        <translation>超出限值</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="122"/>
        <source>No analysis yet</source>
        <translation>尚无分析</translation>
    </message>
    <message>
        <location filename="../module_map.cpp" line="188"/>
        <source>module / wall mean %1 … %2</source>
        <translation>模组 / 显示屏均值 %1 … %2</translation>
    </message>
</context>
<context>
    <name>cm::gui::Point</name>
    <message>
        <location filename="../i18n.cpp" line="325"/>
        <source>centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="326"/>
        <source>left side</source>
        <translation>左边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="327"/>
        <source>right side</source>
        <translation>右边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="328"/>
        <source>top side</source>
        <translation>上边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="329"/>
        <source>bottom side</source>
        <translation>下边</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="330"/>
        <source>top left corner</source>
        <translation>左上角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="331"/>
        <source>top right corner</source>
        <translation>右上角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="332"/>
        <source>bottom left corner</source>
        <translation>左下角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="333"/>
        <source>bottom right corner</source>
        <translation>右下角</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="340"/>
        <source>checkerboard patch row %1, column %2</source>
        <translation>棋盘格第 %1 行第 %2 列色块</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="345"/>
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
        <location filename="../run_page.cpp" line="51"/>
        <source>Meter: not connected yet</source>
        <translation>测量仪：尚未连接</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="71"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="93"/>
        <source>Colour of the pattern to show</source>
        <translation>要显示的图案颜色</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="107"/>
        <location filename="../run_page.cpp" line="339"/>
        <source>No reading yet</source>
        <translation>尚无读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="131"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="131"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="131"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="137"/>
        <source>Verdicts so far</source>
        <translation>当前判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="144"/>
        <source>&amp;Done — measure (N)</source>
        <translation>完成 — 测量（N）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="148"/>
        <source>Retake (R)</source>
        <translation>重测（R）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="153"/>
        <source>Reason for skipping</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="154"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="156"/>
        <location filename="../run_page.cpp" line="310"/>
        <source>Pause (P)</source>
        <translation>暂停（P）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="160"/>
        <source>Cancel reading (Esc)</source>
        <translation>取消读数（Esc）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="164"/>
        <source>Stop run</source>
        <translation>停止测量</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="190"/>
        <source>Retake of task %1 requested</source>
        <translation>已请求重测任务 %1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="213"/>
        <source>Reading cancelled: it is discarded when the instrument returns; run paused</source>
        <translation>读数已取消：仪器返回后将丢弃；测量已暂停</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="218"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="229"/>
        <source>Skip this reading</source>
        <translation>跳过此读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="231"/>
        <source>Why is task %1 skipped? The reason goes into the report.</source>
        <translation>为什么跳过任务 %1？原因将写入报告。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="237"/>
        <source>Not skipped: a skip needs a reason.</source>
        <translation>未跳过：跳过需要填写原因。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="248"/>
        <source>Stop the run?</source>
        <translation>停止测量？</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="249"/>
        <source>Stop the run? The %1 reading(s) taken stay in the journal and the session can be resumed later.</source>
        <translation>停止测量？已测得的 %1 个读数保留在日志中，之后可以继续该会话。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="269"/>
        <source>not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="271"/>
        <source>Meter: %1 %2 — serial %3, firmware %4, calibrated %5%6</source>
        <translation>测量仪：%1 %2 — 序列号 %3，固件 %4，校准日期 %5%6</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="272"/>
        <source>(model not reported)</source>
        <translation>（型号未报告）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="275"/>
        <source> — on %1</source>
        <translation> — 端口 %1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="276"/>
        <source>Checks before the first reading:</source>
        <translation>首次读数前的检查：</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="281"/>
        <source>Instrument not fit for this profile (accepted for a rehearsal): no overall verdict</source>
        <translation>仪器不适用于此规范（作为演练接受）：无总体判定</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="288"/>
        <source>Measuring… (%1 s). Cancel (Esc) discards this reading.</source>
        <translation>正在测量…（%1 秒）。取消（Esc）将丢弃此读数。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="293"/>
        <source>Waiting for the meter: %1. Plug it back in; the run continues by itself, or Stop.</source>
        <translation>正在等待测量仪：%1。请重新插上；测量会自动继续，或选择停止。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="302"/>
        <location filename="../run_page.cpp" line="390"/>
        <source>Paused: nothing is measured until you resume (P).</source>
        <translation>已暂停：继续（P）之前不进行任何测量。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="305"/>
        <location filename="../run_page.cpp" line="392"/>
        <source>Waiting for you: %1 Then press Done (N).</source>
        <translation>等待操作：%1 然后按完成（N）。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="306"/>
        <source>Measuring next task…</source>
        <translation>正在测量下一个任务…</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="310"/>
        <source>Resume (P)</source>
        <translation>继续（P）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="320"/>
        <source>%1 — session %2</source>
        <translation>%1 — 会话 %2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="324"/>
        <source>Meter: connecting…</source>
        <translation>测量仪：正在连接…</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="341"/>
        <source>Resumed: %1 reading(s) already in the journal</source>
        <translation>已继续：日志中已有 %1 个读数</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="350"/>
        <source>Task %1 of %2</source>
        <translation>任务 %1 / %2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="354"/>
        <source> through the %1 lens</source>
        <translation>，透过%1镜片</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="358"/>
        <source> (X&apos;Y&apos;Z&apos; %1)</source>
        <translation>（X&apos;Y&apos;Z&apos; %1）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="360"/>
        <source>Show pattern: %1%2</source>
        <translation>显示图案：%1%2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="369"/>
        <source>Pattern file: none for this step</source>
        <translation>图案文件：此步骤无</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="370"/>
        <source>Pattern file: %1 (`cinemeasure patterns`)</source>
        <translation>图案文件：%1（`cinemeasure patterns`）</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="371"/>
        <source>Aim at: %1 (%2) — repeat %3 of %4</source>
        <translation>瞄准：%1（%2）— 第 %3 次，共 %4 次</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="385"/>
        <source>Waiting for you: %1
Retry with Done (N) after checking the pattern and the aim, or Skip with a reason.</source>
        <translation>等待操作：%1
检查图案和瞄准后按完成（N）重试，或填写原因后跳过。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="394"/>
        <source>Measuring automatically (simulated operator)…</source>
        <translation>正在自动测量（模拟操作员）…</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="397"/>
        <source>Pattern &apos;%1&apos; on screen</source>
        <translation>银幕显示图案“%1”</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="403"/>
        <source>Measuring… keep the meter still.</source>
        <translation>正在测量… 请保持测量仪不动。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="421"/>
        <source>%1: L = %2 cd/m²   x = %3   y = %4   u′ = %5   v′ = %6</source>
        <translation>%1：L = %2 cd/m²   x = %3   y = %4   u′ = %5   v′ = %6</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="501"/>
        <source>Too little light for this meter: check that the pattern is on screen and the meter is aimed at the point, then Retry; or Skip with a reason.</source>
        <translation>光线太弱，此测量仪无法测量：请检查银幕上是否显示图案、测量仪是否瞄准测点，然后重试；或填写原因后跳过。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="506"/>
        <source>Too bright for this meter: check the pattern, then Retry; or Skip with a reason.</source>
        <translation>亮度过高，超出此测量仪量程：请检查图案，然后重试；或填写原因后跳过。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="510"/>
        <source>Check the cable and that the instrument is switched on, then Retry.</source>
        <translation>请检查线缆以及仪器是否已开机，然后重试。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="512"/>
        <source>Check the instrument, then Retry.</source>
        <translation>请检查仪器，然后重试。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="514"/>
        <source>Instrument problem: %1
%2 reading(s) are kept in the journal. %3</source>
        <translation>仪器故障：%1
%2 个读数已保留在日志中。%3</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="518"/>
        <source>Waiting for you: the instrument needs attention (see above).</source>
        <translation>等待操作：仪器需要处理（见上文）。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="429"/>
        <source>Reading %1 at %2: %3 cd/m²</source>
        <translation>读数 %1 @ %2：%3 cd/m²</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="448"/>
        <source>%1: %2 — limit %3 — %4</source>
        <translation>%1：%2 — 限值 %3 — %4</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="473"/>
        <source>Task %1 skipped: %2</source>
        <translation>任务 %1 已跳过：%2</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="480"/>
        <source>Back to task %1 for a retake</source>
        <translation>返回任务 %1 重测</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="487"/>
        <source>Reading of task %1 discarded</source>
        <translation>任务 %1 的读数已丢弃</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="521"/>
        <source>Instrument problem: %1</source>
        <translation>仪器故障：%1</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="531"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../run_page.cpp" line="535"/>
        <source>Run stopped; %1 reading(s) kept in session %2</source>
        <translation>测量已停止；%1 个读数保存在会话 %2 中</translation>
    </message>
</context>
<context>
    <name>cm::gui::RunProblem</name>
    <message>
        <location filename="../run_text.cpp" line="252"/>
        <source>The meter got too little light.</source>
        <translation>仪表接收到的光太少。</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="254"/>
        <source>The meter got too little light (instrument code %1).</source>
        <translation>仪表接收到的光太少（仪器代码 %1）。</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="259"/>
        <source>Check the pattern and the aim, then retry; or skip this reading with a reason.</source>
        <translation>请检查测试图案和瞄准位置后重试；或填写原因跳过此次读数。</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="263"/>
        <source>Too bright for the meter.</source>
        <translation>亮度超出仪表量程。</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="265"/>
        <source>Too bright for the meter (instrument code %1).</source>
        <translation>亮度超出仪表量程（仪器代码 %1）。</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="270"/>
        <source>Check the pattern, then retry; or skip this reading with a reason.</source>
        <translation>请检查测试图案后重试；或填写原因跳过此次读数。</translation>
    </message>
</context>
<context>
    <name>cm::gui::RunWorker</name>
    <message>
        <location filename="../run_worker.cpp" line="134"/>
        <source>No serial port chosen for the instrument: pick the port the meter is plugged into (Detect lists them). Nothing was started.</source>
        <translation>未为仪器选择串口：请选择测量仪所连接的端口（“检测”会列出端口）。未开始任何测量。</translation>
    </message>
    <message>
        <location filename="../run_worker.cpp" line="145"/>
        <source>Cannot open the instrument on %1: %2. Check the port and that the meter is switched on. Nothing was started.</source>
        <translation>无法在 %1 上打开仪器：%2。请检查端口以及测量仪是否已开机。未开始任何测量。</translation>
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
    <name>cm::gui::Seat</name>
    <message>
        <location filename="../run_text.cpp" line="189"/>
        <source>reference</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="190"/>
        <source>normal</source>
        <translation>法线</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="191"/>
        <source>normal-centre</source>
        <translation>中心法线位置</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="192"/>
        <source>front-centre</source>
        <translation>前排中央</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="193"/>
        <source>rear-centre</source>
        <translation>后排中央</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="194"/>
        <source>middle-left</source>
        <translation>中排左侧</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="195"/>
        <source>middle-right</source>
        <translation>中排右侧</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="196"/>
        <source>off-axis-h-left-60</source>
        <translation>水平左偏 60°</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="197"/>
        <source>off-axis-h-right-60</source>
        <translation>水平右偏 60°</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="198"/>
        <source>off-axis-v-down-35</source>
        <translation>垂直下偏 35°</translation>
    </message>
    <message>
        <location filename="../run_text.cpp" line="199"/>
        <source>off-axis-v-up-10</source>
        <translation>垂直上偏 10°</translation>
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
    <name>cm::gui::SessionsPage</name>
    <message>
        <location filename="../sessions_page.cpp" line="63"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="66"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="69"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="72"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="75"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="78"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="81"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="91"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="95"/>
        <source>Site contains…</source>
        <translation>场所包含…</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="99"/>
        <source>Every status</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="103"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="106"/>
        <source>&lt;b&gt;Sessions&lt;/b&gt;</source>
        <translation>&lt;b&gt;会话&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="115"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="115"/>
        <source>Auditorium</source>
        <translation>影厅名称</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="115"/>
        <source>Date (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="116"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="116"/>
        <source>Profile</source>
        <translation>规范</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="116"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="116"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="117"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="136"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="138"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="145"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="147"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="176"/>
        <source>Export the report of session %1</source>
        <translation>导出会话 %1 的报告</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="187"/>
        <source>Reading the journal…</source>
        <translation>正在读取日志…</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="229"/>
        <source>No sessions in %1</source>
        <translation>%1 中没有会话</translation>
    </message>
    <message numerus="yes">
        <location filename="../sessions_page.cpp" line="230"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="270"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="278"/>
        <source>No report.pdf in %1: export one instead.</source>
        <translation>%1 中没有 report.pdf：请改为导出报告。</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="331"/>
        <source>Archive session</source>
        <translation>归档会话</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="332"/>
        <source>Archive session %1? Its readings are kept; it is listed as archived and cannot be resumed.</source>
        <translation>归档会话 %1？其读数将保留；会话将列为已归档，且无法再继续。</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="350"/>
        <source>Writing the report of session %1…</source>
        <translation>正在写入会话 %1 的报告…</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="361"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="306"/>
        <source>Resume session %1</source>
        <translation>继续会话 %1</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="307"/>
        <source>Session %1 was measured on %2. The port of the meter now:</source>
        <translation>会话 %1 是在 %2 上测量的。仪表现在所在的端口：</translation>
    </message>
    <message>
        <location filename="../sessions_page.cpp" line="317"/>
        <source>Not resumed: a field session needs the meter&apos;s port.</source>
        <translation>未继续：现场会话需要仪表的端口。</translation>
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
        <location filename="../start_page.cpp" line="166"/>
        <source>Standard profile</source>
        <translation>标准规范</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="173"/>
        <location filename="../start_page.cpp" line="427"/>
        <source>Profile</source>
        <translation>规范</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="182"/>
        <source>%1 · %2 · %3 · %4 screen%5</source>
        <translation>%1 · %2 · %3 · %4 银幕%5</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="186"/>
        <source> · provisional</source>
        <translation> · 暂定</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="195"/>
        <source>Cannot load the profiles: %1</source>
        <translation>无法加载规范：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="199"/>
        <source>Theatre</source>
        <translation>影厅</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="201"/>
        <location filename="../start_page.cpp" line="638"/>
        <location filename="../start_page.cpp" line="646"/>
        <source>Simulated site</source>
        <translation>模拟场所</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="213"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="91"/>
        <location filename="../start_page.cpp" line="226"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="93"/>
        <location filename="../start_page.cpp" line="228"/>
        <source>Auditorium</source>
        <translation>影厅名称</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="230"/>
        <source>Screen width</source>
        <translation>银幕宽度</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="231"/>
        <source>Screen height</source>
        <translation>银幕高度</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="233"/>
        <source>Seat position</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="95"/>
        <location filename="../start_page.cpp" line="234"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="239"/>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="241"/>
        <source>Simulator (virtual theatre)</source>
        <translation>模拟器（虚拟影厅）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="243"/>
        <source>Instrument on a serial port</source>
        <translation>串口仪器</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="269"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="270"/>
        <source>unplug the cable</source>
        <translation>拔出线缆</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="271"/>
        <source>garbled reply</source>
        <translation>应答乱码</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="272"/>
        <source>dropped reply</source>
        <translation>应答丢失</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="273"/>
        <source>slow reply</source>
        <translation>应答缓慢</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="274"/>
        <source>over range</source>
        <translation>超量程</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="275"/>
        <source>too dark</source>
        <translation>亮度过低</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="276"/>
        <source>instrument error code</source>
        <translation>仪器错误代码</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="288"/>
        <source>Wait for Done at each point, as with a real instrument</source>
        <translation>每个测量点等待“完成”，与真实仪器相同</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="290"/>
        <source>Virtual theatre</source>
        <translation>虚拟影厅</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="291"/>
        <source>Instrument family</source>
        <translation>仪器系列</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="292"/>
        <source>Fault injection (demo)</source>
        <translation>故障注入（演示）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="293"/>
        <source>Fault at measurement</source>
        <translation>故障发生于第几次测量</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="294"/>
        <source>Time scale (s per simulated s)</source>
        <translation>时间比例（每模拟秒的实际秒数）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="300"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="89"/>
        <location filename="../start_page.cpp" line="312"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="314"/>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="317"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="321"/>
        <source>Simple acceptance (ILAC-G8, w = 0)</source>
        <translation>简单接受（ILAC-G8，w = 0）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="322"/>
        <source>Guarded acceptance, binary (ILAC-G8, w = U)</source>
        <translation>带保护带的接受，二元判定（ILAC-G8，w = U）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="323"/>
        <source>Non-binary statement (ILAC-G8, w = U)</source>
        <translation>非二元判定声明（ILAC-G8，w = U）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="325"/>
        <source>Accept a colorimeter without a correction for this screen</source>
        <translation>接受没有针对此银幕修正的色度计</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="328"/>
        <source>Rehearsal: accept an instrument the profile does not allow (no overall verdict)</source>
        <translation>演练：接受规范不允许的仪器（不给出总体结论）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="353"/>
        <location filename="../start_page.cpp" line="369"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="368"/>
        <source>none (colorimeters: a correction for this screen type)</source>
        <translation>无（色度计：针对此类银幕的修正）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="373"/>
        <source>Colorimeter correction</source>
        <translation>色度计修正</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="374"/>
        <source>Correction files (*.json)</source>
        <translation>修正文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="384"/>
        <source>Informative: draft limits are reported, never decide</source>
        <translation>参考性：草案限值仅作报告，不参与判定</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="386"/>
        <source>Binding: draft limits decide (the report says so)</source>
        <translation>约束性：草案限值参与判定（报告中注明）</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="390"/>
        <source>Notes for the report, one per line</source>
        <translation>报告备注，每行一条</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="392"/>
        <source>Decision rule</source>
        <translation>判定规则</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="101"/>
        <location filename="../start_page.cpp" line="357"/>
        <location filename="../start_page.cpp" line="399"/>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="393"/>
        <source>Draft limits</source>
        <translation>草案限值</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="99"/>
        <location filename="../start_page.cpp" line="396"/>
        <source>Correction file</source>
        <translation>修正文件</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="398"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="405"/>
        <source>Start certification</source>
        <translation>开始认证</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="422"/>
        <source>Unfinished sessions</source>
        <translation>未完成的会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="427"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="427"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="427"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="433"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="435"/>
        <source>Resume session</source>
        <translation>继续会话</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="462"/>
        <source>No instruments found. Plug the meter in and switch it on: USB-serial meters appear as /dev/ttyUSB* (K-10, specbos) or /dev/ttyACM* (PR-6xx, CS-2000). If it is plugged in, check that you may open it (group dialout, or the udev rules), then Detect again.</source>
        <translation>未找到仪器。请插上测量仪并开机：USB 串口测量仪显示为 /dev/ttyUSB*（K-10、specbos）或 /dev/ttyACM*（PR-6xx、CS-2000）。如果已插上，请检查是否有权限打开它（dialout 用户组或 udev 规则），然后再次检测。</translation>
    </message>
    <message numerus="yes">
        <location filename="../start_page.cpp" line="467"/>
        <source>%n port(s) found.</source>
        <translation>
            <numerusform>找到 %n 个端口。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="111"/>
        <source>No serial port chosen for the instrument: pick the port the meter is plugged into (Detect lists them).</source>
        <translation>未为仪器选择串口：请选择测量仪所连接的端口（“检测”会列出端口）。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="115"/>
        <source>A field run needs the site (cinema) for the report.</source>
        <translation>现场测量需要填写场所（影院）以写入报告。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="117"/>
        <source>A field run needs the auditorium (screen room) for the report.</source>
        <translation>现场测量需要填写影厅名称（放映厅）以写入报告。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="119"/>
        <source>A field run needs the operator&apos;s name for the report.</source>
        <translation>现场测量需要填写操作员姓名以写入报告。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="687"/>
        <source>Session journal: %1</source>
        <translation>会话日志：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="97"/>
        <source>Screen size</source>
        <translation>银幕尺寸</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="121"/>
        <source>A field run needs the screen&apos;s width and height in metres.</source>
        <translation>现场测量需要银幕的宽度和高度（米）。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="125"/>
        <source>No such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="127"/>
        <source>Not a file: %1</source>
        <translation>不是文件：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="129"/>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="134"/>
        <source>Choose a folder for the report.</source>
        <translation>请为报告选择文件夹。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="136"/>
        <source>%1 is a file, not a folder: choose another report folder.</source>
        <translation>%1 是文件而不是文件夹：请另选报告文件夹。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="140"/>
        <source>Cannot write into %1: choose another report folder.</source>
        <translation>无法写入 %1：请另选报告文件夹。</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="214"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="535"/>
        <source>Start needs these fixed first: %1</source>
        <translation>请先修正以下各项才能开始：%1</translation>
    </message>
    <message>
        <location filename="../start_page.cpp" line="535"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
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
    <message>
        <location filename="../i18n.cpp" line="151"/>
        <source>grey:%1</source>
        <translation>灰度 %1</translation>
    </message>
</context>
<context>
    <name>cm::gui::Verdict</name>
    <message>
        <location filename="../theme.cpp" line="74"/>
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="76"/>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="78"/>
        <source>CONDITIONAL PASS</source>
        <translation>有条件合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="80"/>
        <source>CONDITIONAL FAIL</source>
        <translation>有条件不合格</translation>
    </message>
    <message>
        <location filename="../theme.cpp" line="84"/>
        <source>NOT EVALUATED</source>
        <translation>未评估</translation>
    </message>
</context>
<context>
    <name>cm::gui::WallFigure</name>
    <message>
        <location filename="../i18n.cpp" line="159"/>
        <source>Wall mean luminance</source>
        <translation>显示屏平均亮度</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="160"/>
        <source>Module luminance (worst module / wall mean)</source>
        <translation>模组亮度（最差模组 / 显示屏均值）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="161"/>
        <source>Module luminance (worst adjacent step)</source>
        <translation>模组亮度（最大相邻跃变）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="162"/>
        <source>Module chromaticity (worst |Δx|, |Δy|, CIE 1931)</source>
        <translation>模组色度（最大 |Δx|、|Δy|，CIE 1931）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="164"/>
        <source>Module chromaticity (worst adjacent Δu&apos;v&apos;)</source>
        <translation>模组色度（最大相邻 Δu′v′）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="165"/>
        <source>Seam lines (worst depth)</source>
        <translation>拼缝线（最大深度）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="166"/>
        <source>Dead LEDs</source>
        <translation>坏点 LED</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="167"/>
        <source>Stuck LEDs</source>
        <translation>常亮 LED</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="168"/>
        <source>Adjacent-pixel difference (worst LED)</source>
        <translation>相邻像素差异（最差 LED）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="169"/>
        <source>Saturated LED cells</source>
        <translation>饱和 LED 单元</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="190"/>
        <source>camera %1 on %2</source>
        <translation>相机「%1」，端口 %2</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="193"/>
        <source>%1; reconnecting to fetch the capture again</source>
        <translation>「%1」；正在重新连接以再次取回该拍摄</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="197"/>
        <source>%1: %2 at %3 s, ISO %4, f/%5: level %6</source>
        <translation>%1：%2，曝光 %3 s，ISO %4，f/%5：电平 %6</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="205"/>
        <source>analysing</source>
        <translation>正在分析</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="212"/>
        <source>LEDs</source>
        <translation>个 LED</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="213"/>
        <source>cells</source>
        <translation>个单元</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="224"/>
        <source>%1–%2 % of wall mean</source>
        <translation>显示屏均值的 %1–%2 %</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="227"/>
        <source>≤ %1 % (≤ %2 % at or below %3 cd/m²)</source>
        <translation>≤ %1 %（不高于 %3 cd/m² 时 ≤ %2 %）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="234"/>
        <source>≤ %1 (≤ %2 at or below %3 cd/m²)</source>
        <translation>≤ %1（不高于 %3 cd/m² 时 ≤ %2）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="237"/>
        <source>|depth| &lt; %1 %</source>
        <translation>|深度| &lt; %1 %</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="240"/>
        <source>≤ %1 (below %2 × module median)</source>
        <translation>≤ %1（低于模组中值的 %2 倍）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="244"/>
        <source>information (below %1 × module median)</source>
        <translation>仅供参考（低于模组中值的 %1 倍）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="248"/>
        <source>≤ %1 (above %2 × module median)</source>
        <translation>≤ %1（高于模组中值的 %2 倍）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="252"/>
        <source>information (above %1 × module median)</source>
        <translation>仅供参考（高于模组中值的 %1 倍）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="256"/>
        <source>within ±%1 %</source>
        <translation>±%1 % 以内</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="270"/>
        <source>%1 of %2 modules outside</source>
        <translation>%2 个模组中 %1 个超出</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="274"/>
        <source>not measured: a monochrome camera gives luminance only</source>
        <translation>未测量：单色相机只能测得亮度</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="277"/>
        <source>%1 of %2 border segments beyond ±%3 %</source>
        <translation>%2 段模组边界中 %1 段超出 ±%3 %</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="285"/>
        <source>; worst: column %1 (dark)</source>
        <translation>；最差：第 %1 列（偏暗）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="287"/>
        <source>; worst: column %1 (bright)</source>
        <translation>；最差：第 %1 列（偏亮）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="290"/>
        <source>; worst: row %1 (dark)</source>
        <translation>；最差：第 %1 行（偏暗）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="292"/>
        <source>; worst: row %1 (bright)</source>
        <translation>；最差：第 %1 行（偏亮）</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="299"/>
        <source>%1 LEDs beyond the limit</source>
        <translation>%1 个 LED 超出限值</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="303"/>
        <source>retake with a shorter exposure</source>
        <translation>请以更短的曝光重拍</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="313"/>
        <source>area average of all modules</source>
        <translation>全部模组的面积平均</translation>
    </message>
    <message>
        <location filename="../i18n.cpp" line="315"/>
        <source>measurement validity: a cell that clipped the sensor has no known luminance</source>
        <translation>测量有效性：使传感器饱和的单元亮度未知</translation>
    </message>
</context>
<context>
    <name>cm::gui::WallJobRunner</name>
    <message>
        <location filename="../wall_job_runner.cpp" line="80"/>
        <location filename="../wall_job_runner.cpp" line="185"/>
        <source>storage: %1; free space or choose another output folder, then capture again</source>
        <translation>存储：%1；请释放空间或选择其他输出文件夹，然后重新采集</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="103"/>
        <source>cancelled by the operator</source>
        <translation>已被操作员取消</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="140"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="142"/>
        <source>modules and seams</source>
        <translation>模组与拼缝</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="143"/>
        <source>dead and stuck LEDs</source>
        <translation>坏点与常亮点 LED</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="178"/>
        <source>captures so far are in %1</source>
        <translation>已采集的图像位于 %1</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="214"/>
        <source>reading the images</source>
        <translation>正在读取图像</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="216"/>
        <source>analysing</source>
        <translation>正在分析</translation>
    </message>
    <message>
        <location filename="../wall_job_runner.cpp" line="223"/>
        <source>give the screen corners</source>
        <translation>请给出屏幕角点</translation>
    </message>
</context>
<context>
    <name>cm::gui::WallPage</name>
    <message>
        <location filename="../wall_page.cpp" line="143"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="145"/>
        <source>&lt;b&gt;LED wall&lt;/b&gt; — camera capture, per-module analysis, report</source>
        <translation>&lt;b&gt;LED 显示屏&lt;/b&gt; — 相机采集、逐模组分析、报告</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="95"/>
        <source>%1. %2 — waiting</source>
        <translation>%1. %2 — 等待中</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="101"/>
        <source>%1. %2 — captured</source>
        <translation>%1. %2 — 已采集</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="97"/>
        <source>%1. %2 — now</source>
        <translation>%1. %2 — 当前</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="184"/>
        <source>Show “%1” full screen on the wall, then press “Pattern is on the wall”.</source>
        <translation>请在显示屏上全屏显示“%1”，然后按“图案已显示”。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="187"/>
        <source>The simulated wall shows “%1”; capturing.</source>
        <translation>模拟显示屏正在显示“%1”；正在采集。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="198"/>
        <source>%1
%2 s, level %3 %4</source>
        <translation>%1
%2 秒，电平 %3 %4</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="202"/>
        <source>used</source>
        <translation>已采用</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="202"/>
        <source>retake: %1</source>
        <translation>重拍：%1</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="214"/>
        <source>Capture finished and analysed.</source>
        <translation>采集完成并已分析。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="224"/>
        <source>Capturing…</source>
        <translation>正在采集…</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="231"/>
        <source>Images of the wall: the uniformity frame, then optionally a defect frame</source>
        <translation>显示屏图像：先是均匀性图像，然后可选缺陷图像</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="233"/>
        <source>Images (*.tif *.tiff *.dng *.cr2 *.cr3 *.nef *.arw *.raf *.orf *.rw2);;All files (*)</source>
        <translation>图像 (*.tif *.tiff *.dng *.cr2 *.cr3 *.nef *.arw *.raf *.orf *.rw2);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="261"/>
        <source>Simulated camera (virtual wall)</source>
        <translation>模拟相机（虚拟显示屏）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="262"/>
        <source>Camera (libgphoto2)</source>
        <translation>相机（libgphoto2）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="263"/>
        <source>Camera:</source>
        <translation>相机：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="268"/>
        <source>libgphoto2 port, e.g. usb: or ptpip:HOST (PTP/IP cameras are not discoverable: type the address)</source>
        <translation>libgphoto2 端口，例如 `usb:` 或 `ptpip:`主机（PTP/IP 相机无法自动发现：请输入地址）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="270"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="272"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="277"/>
        <source>A config with screen and led sections; with the simulator also the virtual wall it photographs</source>
        <translation>包含 `screen` 和 `led` 部分的配置；使用模拟器时还包括其拍摄的虚拟显示屏</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="64"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="280"/>
        <source>LED wall layout</source>
        <translation>LED 显示屏布局</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="280"/>
        <source>Config (*.json)</source>
        <translation>配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="279"/>
        <source>Wall layout:</source>
        <translation>显示屏布局：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="285"/>
        <source>Limits:</source>
        <translation>限值：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="288"/>
        <source>Draft limits informative</source>
        <translation>草案限值为参考性</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="289"/>
        <source>Draft limits binding (with a warning)</source>
        <translation>草案限值为约束性（附警告）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="290"/>
        <source>Draft limits:</source>
        <translation>草案限值：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="293"/>
        <source>the virtual camera&apos;s</source>
        <translation>虚拟相机自带的校准</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="295"/>
        <source>Camera calibration</source>
        <translation>相机校准</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="295"/>
        <source>Calibration (*.json)</source>
        <translation>校准 (*.json)</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="294"/>
        <source>Camera calibration:</source>
        <translation>相机校准：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="301"/>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="301"/>
        <source>f/</source>
        <translation>f/</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="300"/>
        <source>Exposure:</source>
        <translation>曝光：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="304"/>
        <source>Pattern for modules and seams, with the first shutter</source>
        <translation>用于模组与拼缝的图案，使用第一档快门</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="305"/>
        <source>Uniformity pattern:</source>
        <translation>均匀性图案：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="308"/>
        <source>Pattern for dead and stuck LEDs; none to skip</source>
        <translation>用于坏点与常亮点 LED 的图案；选“无”则跳过</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="309"/>
        <source>Defect pattern:</source>
        <translation>缺陷图案：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="313"/>
        <source>px</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="312"/>
        <source>Simulated sensor:</source>
        <translation>模拟传感器：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="317"/>
        <source>no fault</source>
        <translation>无故障</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="318"/>
        <source>unplugged during a download</source>
        <translation>下载过程中拔出</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="319"/>
        <source>garbled reply</source>
        <translation>应答乱码</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="320"/>
        <source>connection dropped</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="321"/>
        <source>slow camera</source>
        <translation>相机响应缓慢</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="322"/>
        <source>camera busy</source>
        <translation>相机忙</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="323"/>
        <source>memory card full</source>
        <translation>存储卡已满</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="324"/>
        <source>Simulated fault:</source>
        <translation>模拟故障：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="325"/>
        <source>Wait for me before each pattern</source>
        <translation>每个图案前等待我确认</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="330"/>
        <source>captures, analysis and report go here</source>
        <translation>采集图像、分析和报告保存在此处</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="331"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="331"/>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="332"/>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="341"/>
        <source>from the file</source>
        <translation>取自文件</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="342"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="343"/>
        <source>Image exposure:</source>
        <translation>图像曝光：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="346"/>
        <source>found in the image</source>
        <translation>从图像中查找</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="348"/>
        <source>Screen corners x,y ×4 (top-left, top-right, bottom-right, bottom-left), camera pixels</source>
        <translation>屏幕角点 x,y ×4（左上、右上、右下、左下），相机像素坐标</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="350"/>
        <source>Screen corners:</source>
        <translation>屏幕角点：</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="351"/>
        <source>Analyse existing images…</source>
        <translation>分析已有图像…</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="368"/>
        <source>Capture plan</source>
        <translation>采集计划</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="381"/>
        <source>Pattern is on the wall</source>
        <translation>图案已显示</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="384"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="389"/>
        <source>Captures</source>
        <translation>采集记录</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="413"/>
        <source>No analysis yet</source>
        <translation>尚无分析</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="425"/>
        <source>Point at a module for its values; click it for its LEDs.</source>
        <translation>鼠标指向模组可查看其数值；点击可查看其 LED。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="436"/>
        <source>Module map</source>
        <translation>模组分布图</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="443"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="443"/>
        <source>LED x</source>
        <translation>LED x</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="443"/>
        <source>LED y</source>
        <translation>LED y</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="443"/>
        <source>Module</source>
        <translation>模组</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="443"/>
        <source>Ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="443"/>
        <source>cd/m²</source>
        <translation>cd/m²</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="454"/>
        <source>Defects</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="457"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="457"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="457"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="457"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="464"/>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="466"/>
        <source>Export PDF and JSON</source>
        <translation>导出 PDF 和 JSON</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="481"/>
        <source>A real camera always waits for you</source>
        <translation>真实相机始终等待您确认</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="507"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="543"/>
        <source>Choose the wall layout (a config with an led section).</source>
        <translation>请选择显示屏布局（包含 led 部分的配置）。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="545"/>
        <source>Choose a camera: Detect, or type its libgphoto2 port.</source>
        <translation>请选择相机：点击“检测”，或输入其 libgphoto2 端口。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="547"/>
        <source>Choose an output folder for the captures and the report.</source>
        <translation>请为采集图像和报告选择输出文件夹。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="553"/>
        <source>Checking the inputs and connecting to the camera…</source>
        <translation>正在检查输入并连接相机…</translation>
    </message>
    <message numerus="yes">
        <location filename="../wall_page.cpp" line="573"/>
        <source>Analysing %n image(s)…</source>
        <translation>
            <numerusform>正在分析 %n 张图像…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="587"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="589"/>
        <source>FAIL (%1)</source>
        <translation>不合格（%1）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="590"/>
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="591"/>
        <source>NOT JUDGED — only draft limits (informative); choose “Draft limits binding” to judge by them</source>
        <translation>未判定 — 仅有草案限值（仅作参考）；选择“草案限值为约束性”可据此判定</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="593"/>
        <source>Verdict: %1 (against %2)</source>
        <translation>判定：%1（依据 %2）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="596"/>
        <source>WARNING: draft (provisional) limits decide this verdict; they are not confirmed standard values</source>
        <translation>警告：此判定由草案（暂定）限值决定；它们不是已确认的标准值</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="600"/>
        <source>draft limits (informative, not deciding) would fail: %1</source>
        <translation>草案限值（仅作参考，不作判定）下将不合格：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../wall_page.cpp" line="606"/>
        <source>%n module(s) outside the limits. Point at a module for its values; click it for its LEDs.</source>
        <translation>
            <numerusform>%n 个模组超出限值。鼠标指向模组可查看其数值；点击可查看其 LED。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="86"/>
        <source>dead</source>
        <translation>坏点</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="86"/>
        <source>stuck</source>
        <translation>常亮点</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="627"/>
        <source>Defects (%1)</source>
        <translation>缺陷（%1）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="634"/>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="644"/>
        <source>information</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="645"/>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="646"/>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="647"/>
        <source>would fail</source>
        <translation>将不合格</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="650"/>
        <source> (provisional, binding)</source>
        <translation>（暂定，约束性）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="650"/>
        <source> (provisional, informative)</source>
        <translation>（暂定，参考性）</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="675"/>
        <source>No per-LED image</source>
        <translation>无逐 LED 图像</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="685"/>
        <source>LEDs of module %1, %2</source>
        <translation>模组 %1, %2 的 LED</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="713"/>
        <source>%1 LED at x %2, y %3</source>
        <translation>%1 LED，位于 x %2，y %3</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="718"/>
        <source>Nothing to export yet: capture or analyse images first.</source>
        <translation>尚无可导出的内容：请先采集或分析图像。</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="723"/>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="729"/>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="740"/>
        <source>Wrote report.pdf and analysis.json in %1</source>
        <translation>已在 %1 中写入 report.pdf 和 analysis.json</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="755"/>
        <source>Looking for cameras…</source>
        <translation>正在查找相机…</translation>
    </message>
    <message>
        <location filename="../wall_page.cpp" line="772"/>
        <source>No camera found. Check the USB cable and that the camera is on and not mounted as a disk; PTP/IP (Wi-Fi) cameras cannot be found: type ptpip:ADDRESS as the port.</source>
        <translation>未找到相机。请检查 USB 线缆，确认相机已开机且未作为磁盘挂载；PTP/IP（Wi-Fi）相机无法被发现：请输入 ptpip:地址 作为端口。</translation>
    </message>
    <message numerus="yes">
        <location filename="../wall_page.cpp" line="775"/>
        <source>%n camera(s) found.</source>
        <translation>
            <numerusform>找到 %n 台相机。</numerusform>
        </translation>
    </message>
</context>
</TS>
