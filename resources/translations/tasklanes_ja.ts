<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AdvisorPanel</name>
    <message>
        <location filename="../../ui/advisorpanel.cpp" line="13"/>
        <source>Reorder lon&amp;gest first</source>
        <translation>長い順に並べ替え(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/advisorpanel.cpp" line="20"/>
        <source>Predicted makespans at this limit. Lower bound: no order can beat it (the longest task, or the total work spread over the slots). Longest first: the tasks sorted by duration, longest first. Current order: the tasks as listed.</source>
        <translation>この並列数での予測総所要時間です。下限: どの順序でもこれより短くはなりません（最も長いタスク、または処理時間の合計を枠の数で割った値）。長い順: タスクを所要時間の長い順に並べた場合。現在の順序: 一覧のとおりの順序の場合。</translation>
    </message>
    <message>
        <location filename="../../ui/advisorpanel.cpp" line="24"/>
        <source>Sort the tasks longest first, so the next run starts the long ones early and ends sooner</source>
        <translation>タスクを所要時間の長い順に並べ替えます。次の実行では長いタスクが先に始まり、早く終わります</translation>
    </message>
    <message>
        <location filename="../../ui/advisorpanel.cpp" line="64"/>
        <source>Lower bound %1 · longest first %2 · current order %3</source>
        <translation>下限 %1 · 長い順 %2 · 現在の順序 %3</translation>
    </message>
    <message>
        <location filename="../../ui/advisorpanel.cpp" line="68"/>
        <source>The current order is already as quick as longest first</source>
        <translation>現在の順序はすでに長い順と同じ速さです</translation>
    </message>
    <message>
        <location filename="../../ui/advisorpanel.cpp" line="70"/>
        <source>Sort the tasks longest first: the prediction ends %1 sooner</source>
        <translation>タスクを長い順に並べ替えます: 予測では %1 早く終わります</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <location filename="../../core/clirunner.cpp" line="54"/>
        <source>needs a file name</source>
        <translation>ファイル名が必要です</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="57"/>
        <source>&quot;%1&quot; is a folder</source>
        <translation>&quot;%1&quot; はフォルダーです</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="62"/>
        <source>&quot;%1&quot;: the folder &quot;%2&quot; does not exist</source>
        <translation>&quot;%1&quot;: フォルダー &quot;%2&quot; が存在しません</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="65"/>
        <source>&quot;%1&quot;: &quot;%2&quot; is not a folder</source>
        <translation>&quot;%1&quot;: &quot;%2&quot; はフォルダーではありません</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="69"/>
        <source>&quot;%1&quot;: the folder &quot;%2&quot; is not writable</source>
        <translation>&quot;%1&quot;: フォルダー &quot;%2&quot; に書き込めません</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="104"/>
        <source>Runs a batch of tasks with unlimited parallelism or a concurrency limit and reports when each one waited, started and finished.</source>
        <translation>タスクをまとめて、並列数の制限なし、または制限付きで実行し、それぞれがいつ待ち、開始し、終了したかを報告します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="111"/>
        <source>Task durations in seconds, comma separated (default 5,1,8,3,4); @FILE reads the list from FILE.</source>
        <translation>タスクの所要時間（秒、カンマ区切り。既定は 5,1,8,3,4）。@FILE とするとリストを FILE から読み込みます。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="113"/>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="115"/>
        <source>Run at most N tasks at once (default: unlimited).</source>
        <translation>同時に実行するタスクを最大 N 個に制限します（既定: 制限なし）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="116"/>
        <location filename="../../core/clirunner.cpp" line="130"/>
        <location filename="../../core/clirunner.cpp" line="199"/>
        <location filename="../../core/clirunner.cpp" line="209"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="122"/>
        <source>Real seconds per scenario second (default 1; 0.01 makes an 8 s task take 80 ms).</source>
        <translation>シナリオの 1 秒あたりの実時間（秒）。既定は 1。0.01 にすると 8 秒のタスクが 80 ms で終わります。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="124"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="119"/>
        <source>Run unlimited, then limited (needs --limit or a gate), and compare.</source>
        <translation>制限なしで実行した後、制限付きで実行して（--limit かゲートが必要）比較します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="127"/>
        <source>Pool threads of both runs (default: one per task up to %1, limited or not; the limit is the semaphore&apos;s).</source>
        <translation>両方の実行のプールのスレッド数（既定: 制限の有無にかかわらずタスク 1 つにつき 1 つ、最大 %1。制限はセマフォが守ります）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="133"/>
        <source>Where a task takes its permit: fifo (a pool thread takes a permit, then the oldest task; default) or in-task (every task is started on the pool and waits for its permit on its thread).</source>
        <translation>タスクが許可を取る場所: fifo（プールのスレッドが許可を取ってから最も古いタスクを取る。既定）または in-task（すべてのタスクをプールで開始し、各タスクが自分のスレッドの上で許可を待つ）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="136"/>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="139"/>
        <source>A per-group limit NAME=N for the tasks with &quot;gate&quot;: NAME in the scenario (repeatable; the global --limit still applies).</source>
        <translation>シナリオで &quot;gate&quot;: NAME を持つタスクのグループごとの制限 NAME=N（複数指定可。全体の --limit も引き続き適用されます）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="141"/>
        <source>NAME=N</source>
        <translation>NAME=N</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="144"/>
        <source>Write the run record as CSV to FILE (- for stdout; the log then goes to stderr).</source>
        <translation>実行記録を CSV で FILE に書き出します（- で標準出力。そのときログは標準エラー出力に出ます）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="146"/>
        <location filename="../../core/clirunner.cpp" line="150"/>
        <location filename="../../core/clirunner.cpp" line="153"/>
        <location filename="../../core/clirunner.cpp" line="158"/>
        <location filename="../../core/clirunner.cpp" line="165"/>
        <location filename="../../core/clirunner.cpp" line="170"/>
        <location filename="../../core/clirunner.cpp" line="183"/>
        <location filename="../../core/clirunner.cpp" line="194"/>
        <location filename="../../core/clirunner.cpp" line="226"/>
        <location filename="../../core/clirunner.cpp" line="228"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="148"/>
        <source>Do not print the start and finish lines.</source>
        <translation>開始と終了の行を表示しません。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="150"/>
        <source>Run the scenario in the JSON file FILE.</source>
        <translation>JSON ファイル FILE のシナリオを実行します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="152"/>
        <source>Write the scenario to the JSON file FILE and exit.</source>
        <translation>シナリオを JSON ファイル FILE に書き出して終了します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="156"/>
        <source>Write the scenario as a Python asyncio program (standard library only) to FILE and exit.</source>
        <translation>シナリオを Python asyncio のプログラム（標準ライブラリのみ）として FILE に書き出して終了します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="160"/>
        <source>Run the preset NAME (see --list-presets).</source>
        <translation>プリセット NAME を実行します（--list-presets を参照）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="160"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="162"/>
        <source>List the presets with a line on each, and exit.</source>
        <translation>プリセットを 1 行ずつ一覧表示して終了します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="164"/>
        <source>Write a Chrome trace JSON (opens in Perfetto) to FILE.</source>
        <translation>Chrome トレース JSON（Perfetto で開けます）を FILE に書き出します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="173"/>
        <source>Run the batch once per limit: a range A..B (with --step) or a list like 1,2,4,8; prints a table and names the best limit.</source>
        <translation>タスクを並列数ごとに 1 回ずつ実行します。並列数は A..B の範囲（--step と併用可）か 1,2,4,8 のようなリストで指定します。表を表示し、最適な並列数を示します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="175"/>
        <source>LIMITS</source>
        <translation>LIMITS</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="177"/>
        <source>The step of a --sweep range (default 1).</source>
        <translation>--sweep の範囲のステップ（既定は 1）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="177"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="180"/>
        <source>With --sweep: sweep the prediction only, instantly, without running anything.</source>
        <translation>--sweep と一緒に: 何も実行せず、予測だけをすぐにスイープします。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="182"/>
        <source>Write the sweep&apos;s table as CSV to FILE (- for stdout).</source>
        <translation>スイープの表を CSV で FILE に書き出します（- で標準出力）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="186"/>
        <source>For a limited run, print the schedule advisor&apos;s figures: the lower bound, the makespan with the longest tasks first, and the current order&apos;s.</source>
        <translation>制限付きの実行で、スケジュールアドバイザーの数値を表示します: 下限、長いタスクから実行したときの総所要時間、現在の順序での総所要時間。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="190"/>
        <source>Report the runs recorded in FILE (a TaskLanes CSV or a Chrome trace, gzipped or not) as if they had just run; the exports work on them. --save-scenario writes the recorded batch as a scenario and --sweep replays it: only they take --time-scale, --threads and --admission. Not with --limit, --compare or --gate.</source>
        <translation>FILE に記録された実行（TaskLanes の CSV または Chrome トレース。gzip 圧縮の有無は問いません）を、いま実行したかのように報告します。書き出しもそれに対して行えます。--save-scenario は記録されたタスクをシナリオとして書き出し、--sweep はそれを再現します: --time-scale、--threads、--admission を指定できるのはこの 2 つのときだけです。--limit、--compare、--gate とは同時に指定できません。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="197"/>
        <source>With --open of a trace: the nesting depth of the slices taken as tasks (default 0, the top-level slices).</source>
        <translation>--open でトレースを開くとき: タスクとして取り出すスライスの入れ子の深さ（既定は 0、最上位のスライス）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="202"/>
        <source>With --open of a trace: take only the slices whose name or category matches the regular expression REGEX.</source>
        <translation>--open でトレースを開くとき: 名前かカテゴリーが正規表現 REGEX に一致するスライスだけを取り出します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="204"/>
        <source>REGEX</source>
        <translation>REGEX</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="207"/>
        <source>With --open: predict the recorded batch (the first run) under a limit of N and compare it with the recording; the exports hold both runs.</source>
        <translation>--open と一緒に: 記録されたタスク（最初の実行）を N 並列で予測し、記録と比較します。書き出しには両方の実行が含まれます。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="216"/>
        <source>Language of the help, log and summary: ja or en (default: the system&apos;s).</source>
        <translation>ヘルプ、ログ、サマリーの言語: ja または en（既定: システムの言語）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="218"/>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="224"/>
        <source>Write a PNG picture of the timeline, the concurrency chart and the summary to FILE (no display needed).</source>
        <translation>タイムライン、同時実行数のグラフ、サマリーの PNG 画像を FILE に書き出します（ディスプレイは不要です）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="228"/>
        <source>Write the same picture as SVG (vector) to FILE.</source>
        <translation>同じ画像を SVG（ベクター）で FILE に書き出します。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="254"/>
        <source>unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>予期しない引数 &quot;%1&quot;（--help を参照）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="278"/>
        <source>--open reads its tasks from the file: give it without --durations, --scenario and --preset</source>
        <translation>--open はタスクをファイルから読み込みます: --durations、--scenario、--preset と一緒に指定しないでください</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="281"/>
        <source>give only one of --durations, --scenario and --preset</source>
        <translation>--durations、--scenario、--preset はどれか 1 つだけ指定してください</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="285"/>
        <source>--open needs a file name</source>
        <translation>--open にはファイル名が必要です</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="290"/>
        <source>%1 is for running a batch; with --open, --what-if N predicts the recorded batch under another limit</source>
        <translation>%1 はタスクを実行するためのものです。--open では、--what-if N で記録されたタスクを別の並列数で予測できます</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="301"/>
        <source>%1 with --open applies only to the replay of the recorded batch (--sweep or --save-scenario)</source>
        <translation>--open と一緒に指定した %1 は、記録されたタスクの再現（--sweep または --save-scenario）にだけ適用されます</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="310"/>
        <source>--depth: &quot;%1&quot; is not a whole number from 0 to 1000</source>
        <translation>--depth: &quot;%1&quot; は 0〜1000 の整数ではありません</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="317"/>
        <source>--select: &quot;%1&quot; is not a regular expression (%2 at offset %3)</source>
        <translation>--select: &quot;%1&quot; は正規表現として正しくありません（オフセット %3: %2）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="327"/>
        <source>--what-if and --sweep cannot be combined (--sweep --predict predicts every limit of the sweep)</source>
        <translation>--what-if と --sweep は同時に指定できません（--sweep --predict でスイープのすべての並列数を予測できます）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="330"/>
        <source>--what-if and --save-scenario cannot be combined (the scenario is the recorded batch, unlimited)</source>
        <translation>--what-if と --save-scenario は同時に指定できません（書き出すシナリオは記録されたタスクそのもので、制限なしです）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="333"/>
        <source>--what-if and --export-python cannot be combined (the program runs the recorded batch, unlimited)</source>
        <translation>--what-if と --export-python は同時に指定できません（プログラムが実行するのは記録されたタスクそのもので、制限なしです）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="342"/>
        <source>%1 needs --open FILE (it applies to recorded runs)</source>
        <translation>%1 には --open FILE が必要です（実行記録に対して使います）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="350"/>
        <source>--preset: unknown preset &quot;%1&quot; (see --list-presets)</source>
        <translation>--preset: 不明なプリセット &quot;%1&quot;（--list-presets を参照）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="402"/>
        <source>--gate: too many gates (at most %1)</source>
        <translation>--gate: ゲートが多すぎます（最大 %1 個）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="418"/>
        <source>Python program written to %1</source>
        <translation>Python プログラムを %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="428"/>
        <source>--step needs --sweep (it is the step of a range A..B)</source>
        <translation>--step には --sweep が必要です（A..B の範囲のステップです）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="430"/>
        <source>--predict needs --sweep (it sweeps the prediction)</source>
        <translation>--predict には --sweep が必要です（予測をスイープします）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="432"/>
        <source>--sweep-csv needs --sweep</source>
        <translation>--sweep-csv には --sweep が必要です</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="435"/>
        <source>--sweep and --compare cannot be combined (a sweep runs each limit on its own)</source>
        <translation>--sweep と --compare は同時に指定できません（スイープは並列数ごとに個別に実行します）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="449"/>
        <source>%1 is for a single run; with --sweep use --sweep-csv or --stats</source>
        <translation>%1 は単独の実行用です。--sweep では --sweep-csv か --stats を使ってください</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="457"/>
        <source>--advise needs --limit N (the advisor reorders a limited batch)</source>
        <translation>--advise には --limit N が必要です（アドバイザーは制限付きの実行の順序を見直します）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="459"/>
        <source>--compare needs --limit N or a gate (it compares unlimited against the limits)</source>
        <translation>--compare には --limit N かゲートが必要です（制限なしと制限付きを比較します）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="520"/>
        <source>--open: &quot;%1&quot; holds no run</source>
        <translation>--open: &quot;%1&quot; に実行が含まれていません</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="522"/>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="527"/>
        <source>--advise: &quot;%1&quot; holds no limited run (add --what-if N)</source>
        <translation>--advise: &quot;%1&quot; に制限付きの実行が含まれていません（--what-if N を追加してください）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="631"/>
        <source>what-if: predicted from the first of the file&apos;s %1 runs (%2)</source>
        <translation>予測: ファイル内の %1 個の実行のうち、最初の実行（%2）をもとにしています</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="759"/>
        <source>advice: lower bound %1 s, longest first %2 s, current order %3 s</source>
        <translation>アドバイス: 下限 %1 秒、長い順 %2 秒、現在の順序 %3 秒</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="763"/>
        <source>(running the longest tasks first would save %1 s)</source>
        <translation>(長いタスクから実行すれば %1 秒短くなります)</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="25"/>
        <source>limit %1 (%2 of %3): %4 s, predicted %5 s, %6 ok, %7 failed</source>
        <translation>%1並列 (%3 個中 %2 個目): %4 秒、予測 %5 秒、成功 %6、失敗 %7</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="34"/>
        <source>%1 retries</source>
        <translation>再試行 %1 回</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="36"/>
        <location filename="../../core/clisweep.cpp" line="64"/>
        <source>(stopped)</source>
        <translation>(停止)</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="48"/>
        <source>limit</source>
        <translation>並列数</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="48"/>
        <source>makespan</source>
        <translation>総所要時間</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="48"/>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="49"/>
        <source>mean compl.</source>
        <translation>平均完了</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="49"/>
        <source>mean wait</source>
        <translation>平均待ち</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="49"/>
        <source>max wait</source>
        <translation>最大待ち</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="50"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="50"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="50"/>
        <source>retries</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="58"/>
        <source>&lt;- best, knee</source>
        <translation>&lt;- 最適、屈曲点</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="60"/>
        <source>&lt;- best</source>
        <translation>&lt;- 最適</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="62"/>
        <source>&lt;- knee</source>
        <translation>&lt;- 屈曲点</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="86"/>
        <source>limit sweep, predicted (nothing ran; scenario seconds):</source>
        <translation>並列数のスイープ、予測 (何も実行していません。シナリオ上の秒):</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="87"/>
        <source>limit sweep (time scale %1; scenario seconds):</source>
        <translation>並列数のスイープ (時間倍率 %1、シナリオ上の秒):</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="93"/>
        <source>best limit: %1 (the smallest limit within 5 % of the shortest makespan, fewest failed)</source>
        <translation>最適な並列数: %1 (総所要時間が最短から 5 % 以内で失敗が最も少ないもののうち、最小の並列数)</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="97"/>
        <source>knee: %1 (raising the limit above it shortens the makespan by less than 5 %)</source>
        <translation>屈曲点: %1 (これより並列数を上げても、総所要時間の短縮は 5 % 未満です)</translation>
    </message>
    <message>
        <location filename="../../core/clisweep.cpp" line="101"/>
        <source>no limit completed: nothing to recommend</source>
        <translation>最後まで終わった並列数がありません: 推奨できるものはありません</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="451"/>
        <source>--durations: cannot read &quot;%1&quot;: %2</source>
        <translation>--durations: &quot;%1&quot; を読み込めません: %2</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="453"/>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="462"/>
        <source>--durations: &quot;%1&quot; is too large (at most %2 bytes)</source>
        <translation>--durations: &quot;%1&quot; が大きすぎます（最大 %2 バイト）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="413"/>
        <source>scenario written to %1</source>
        <translation>シナリオを %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="486"/>
        <source>only one of --sweep-csv and --stats can write to stdout (-)</source>
        <translation>標準出力 (-) に書き出せるのは --sweep-csv と --stats のどちらか一方だけです</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="494"/>
        <source>--trace needs a file name</source>
        <translation>--trace にはファイル名が必要です</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="505"/>
        <location filename="../../core/scenario.cpp" line="444"/>
        <source>%1 needs a file name</source>
        <translation>%1 にはファイル名が必要です</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="565"/>
        <source>interrupted: cancelling the run</source>
        <translation>中断されました: 実行をキャンセルしています</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="569"/>
        <source>interrupted: cancelling the sweep</source>
        <translation>中断されました: スイープをキャンセルしています</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="683"/>
        <location filename="../../core/clisweep.cpp" line="118"/>
        <source>cannot write the CSV to stdout: %1</source>
        <translation>CSV を標準出力に書き出せません: %1</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="691"/>
        <location filename="../../core/clisweep.cpp" line="126"/>
        <source>CSV written to %1</source>
        <translation>CSV を %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="700"/>
        <source>trace written to %1 (open it in https://ui.perfetto.dev)</source>
        <translation>トレースを %1 に書き出しました（https://ui.perfetto.dev で開けます）</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="714"/>
        <source>PNG written to %1</source>
        <translation>PNG を %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="714"/>
        <source>SVG written to %1</source>
        <translation>SVG を %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="168"/>
        <source>Write the statistics as JSON to FILE for scripts (- for stdout; the log then goes to stderr).</source>
        <translation>統計をスクリプト向けの JSON で FILE に書き出します（- で標準出力。そのときログは標準エラー出力に出ます）。</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="476"/>
        <source>only one of --csv and --stats can write to stdout (-)</source>
        <translation>標準出力 (-) に書き出せるのは --csv と --stats のどちらか一方だけです</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="739"/>
        <source>cannot write the statistics to stdout: %1</source>
        <translation>統計を標準出力に書き出せません: %1</translation>
    </message>
    <message>
        <location filename="../../core/clirunner.cpp" line="748"/>
        <source>statistics written to %1</source>
        <translation>統計を %1 に書き出しました</translation>
    </message>
</context>
<context>
    <name>CompareSummary</name>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="161"/>
        <source>Run the tasks, or compare unlimited against limited, to see what each achieved.</source>
        <translation>タスクを実行するか、制限なしと制限付きを比較すると、それぞれの結果がここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="165"/>
        <source>Running %1…</source>
        <translation>%1で実行中…</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="176"/>
        <source>%1 took %2 instead of %3 (%4× as long) but never ran more than %5 at once; %6 peaked at %7.</source>
        <translation>%1は %3ではなく %2かかりました（%4 倍）が、同時に実行したのは %5 個までです。%6は最大 %7 個を同時に実行しました。</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="186"/>
        <source>%1 took %2, %3 less than %4, running at most %5 at once (%4: %6).</source>
        <translation>%1は %2で、%4より %3短く終わりました。同時に実行したのは最大 %5 個です（%4: %6 個）。</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="194"/>
        <source>%1: %2 for %3 of work, a speedup of %4×, at most %5 running at once.</source>
        <translation>%1: 合計 %3の処理が %2で終わりました。高速化率 %4 倍、同時実行数は最大 %5 です。</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="202"/>
        <source>Cancelled. %1</source>
        <translation>キャンセルされました。%1</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="213"/>
        <source>%1 was stopped: %2</source>
        <translation>%1 は停止されました: %2</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="224"/>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="241"/>
        <source>Measured against the ideal schedule: %1.</source>
        <translation>理想のスケジュールとの差: %1。</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="261"/>
        <source>Difference
(%1 − %2)</source>
        <translation>差
（%1 − %2）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="275"/>
        <source>Makespan (measured)</source>
        <translation>総所要時間（実測）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="275"/>
        <source>Makespan</source>
        <translation>総所要時間</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="276"/>
        <source>Makespan (predicted)</source>
        <translation>総所要時間（予測）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="277"/>
        <source>Serial time (sum of durations)</source>
        <translation>直列実行時間（所要時間の合計）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="278"/>
        <source>Speedup</source>
        <translation>高速化率</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="279"/>
        <source>Peak concurrency</source>
        <translation>最大同時実行数</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="280"/>
        <source>Mean wait</source>
        <translation>平均待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="281"/>
        <source>Max wait</source>
        <translation>最大待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="282"/>
        <source>Mean completion</source>
        <translation>平均完了時間</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="283"/>
        <source>Tasks ok</source>
        <translation>成功したタスク</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="284"/>
        <source>Pool</source>
        <translation>プール</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="286"/>
        <source>From the first submission to the last finish</source>
        <translation>最初の投入から最後の終了まで</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="287"/>
        <source>The ideal FIFO schedule with no overhead</source>
        <translation>オーバーヘッドのない理想的な FIFO スケジュール</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="288"/>
        <source>How long the tasks take one after another</source>
        <translation>タスクを 1 つずつ順に実行したときにかかる時間</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="289"/>
        <source>Serial time divided by the measured makespan</source>
        <translation>直列実行時間 ÷ 実測の総所要時間</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="290"/>
        <source>The most tasks running at the same moment</source>
        <translation>同じ瞬間に実行されていたタスクの最大数</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="291"/>
        <source>Average time a task waited between submission and start</source>
        <translation>タスクが投入から開始まで待った時間の平均</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="292"/>
        <source>Longest time a task waited between submission and start</source>
        <translation>タスクが投入から開始まで待った時間の最大</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="293"/>
        <source>Average time from submission to finish, over the tasks that ran to their end: the latency a limit trades against the makespan</source>
        <translation>投入から終了までの平均時間（最後まで実行したタスクが対象）。制限が総所要時間と引き換えにする待ち時間です</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="295"/>
        <source>Tasks that finished without failing or being cancelled</source>
        <translation>失敗もキャンセルもされずに終わったタスク</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="296"/>
        <source>The pool threads the tasks ran on, and where a task takes its permit</source>
        <translation>タスクを実行したプールのスレッド数と、タスクが許可を取る場所</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="299"/>
        <source>Gate %1</source>
        <translation>ゲート %1</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="300"/>
        <source>The most tasks of gate %1 running at once, against its limit</source>
        <translation>ゲート %1 のタスクが同時に実行された最大数と、その上限</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="303"/>
        <source>Retries</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="303"/>
        <source>Rejected (429)</source>
        <translation>拒否 (429)</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="304"/>
        <source>Requests made again after a failed attempt, over every task</source>
        <translation>失敗した試行の後にもう一度送ったリクエストの数（全タスクの合計）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="305"/>
        <source>Answers 429 Too Many Requests: the server refused the request</source>
        <translation>429 Too Many Requests の応答: サーバーがリクエストを拒否しました</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="343"/>
        <source>running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="354"/>
        <location filename="../../ui/comparesummary.cpp" line="431"/>
        <source>%1×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="359"/>
        <source>Over the %1 tasks that ran to their end</source>
        <translation>最後まで実行した %1 個のタスクが対象</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="362"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="367"/>
        <source>in-task</source>
        <translation>タスク内</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="367"/>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="369"/>
        <source>1 thread, %1</source>
        <translation>1 スレッド、%1</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="370"/>
        <source>%1 threads, %2</source>
        <translation>%1 スレッド、%2</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="372"/>
        <source>1 thread in the recording</source>
        <translation>記録では 1 スレッド</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="373"/>
        <source>%1 threads in the recording</source>
        <translation>記録では %1 スレッド</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="375"/>
        <source>none: the limit alone</source>
        <translation>なし: 並列数の制限のみ</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="377"/>
        <source>%1 (a limit too)</source>
        <translation>%1（これも制限）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="382"/>
        <source>no gate</source>
        <translation>ゲートなし</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="387"/>
        <source>peak %1 of %2</source>
        <translation>最大 %1（上限 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/comparesummary.cpp" line="418"/>
        <location filename="../../ui/comparesummary.cpp" line="427"/>
        <location filename="../../ui/comparesummary.cpp" line="436"/>
        <location filename="../../ui/comparesummary.cpp" line="448"/>
        <location filename="../../ui/comparesummary.cpp" line="450"/>
        <location filename="../../ui/comparesummary.cpp" line="460"/>
        <source>same</source>
        <translation>同じ</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <location filename="../../core/csvimport.cpp" line="68"/>
        <source>a quote inside the unquoted field %1 (fields with quotes must be quoted, with the quotes doubled)</source>
        <translation>引用符で囲まれていないフィールド %1 に引用符があります（引用符を含むフィールドは引用符で囲み、中の引用符は二重にしてください）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="89"/>
        <source>a carriage return (CR) that does not end the line</source>
        <translation>行末ではない復帰文字（CR）があります</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="107"/>
        <source>field %1 opens a quote that is never closed</source>
        <translation>フィールド %1 の引用符が閉じられていません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="128"/>
        <source>field %1 has text after its closing quote</source>
        <translation>フィールド %1 の閉じ引用符の後に文字があります</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="229"/>
        <source>line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="235"/>
        <source>the file is empty; expected the header &quot;%1&quot;</source>
        <translation>ファイルが空です。ヘッダー &quot;%1&quot; が必要です</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="260"/>
        <source>not a TaskLanes CSV: the header must be &quot;%1&quot;</source>
        <translation>TaskLanes の CSV ではありません: ヘッダーは &quot;%1&quot; でなければなりません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="283"/>
        <source>an empty line between rows</source>
        <translation>行の間に空行があります</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="287"/>
        <source>%1 fields, expected %2</source>
        <translation>フィールドが %1 個あります（%2 個のはずです）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="296"/>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="320"/>
        <source>appears again after other runs (rows must be grouped by run)</source>
        <translation>が別の実行の後に再び現れます（行は実行ごとにまとめてください）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="324"/>
        <source>is a third run (at most %1: a single run or a comparison)</source>
        <translation>は 3 つ目の実行です（最大 %1: 単独の実行か比較）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="338"/>
        <source>is not a thread count (1 to %1)</source>
        <translation>はスレッド数ではありません（1〜%1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="342"/>
        <source>is not an admission (fifo or in-task)</source>
        <translation>は許可の取り方ではありません（fifo または in-task）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="352"/>
        <source>is not a capacity (empty, or more than 0)</source>
        <translation>は容量ではありません（空、または 0 より大きい値）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="360"/>
        <source>is not a number of requests (empty, or 1 to %1)</source>
        <translation>はリクエスト数ではありません（空、または 1〜%1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="366"/>
        <source>is not a number of seconds</source>
        <translation>は秒数ではありません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="371"/>
        <source>is not a seed (0 to 4294967295)</source>
        <translation>はシードではありません（0〜4294967295）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="404"/>
        <source>is not a task number</source>
        <translation>はタスク番号ではありません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="407"/>
        <source>is out of order (expected %1: tasks are numbered 1, 2, ... within each run)</source>
        <translation>の順番が違います（%1 のはずです。タスクには実行ごとに 1, 2, ... と番号が付きます）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="412"/>
        <source>is too many tasks (at most %1 per run)</source>
        <translation>はタスク数の上限を超えています（1 回の実行につき最大 %1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="417"/>
        <source>is not a task kind (sleep, cpu or http)</source>
        <translation>はタスクの種類ではありません（sleep、cpu、http のいずれか）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="423"/>
        <location filename="../../core/csvimport.cpp" line="457"/>
        <location filename="../../core/csvimport.cpp" line="515"/>
        <location filename="../../core/csvimport.cpp" line="517"/>
        <location filename="../../core/csvimport.cpp" line="519"/>
        <location filename="../../core/csvimport.cpp" line="535"/>
        <location filename="../../core/csvimport.cpp" line="556"/>
        <source>is not a number</source>
        <translation>は数値ではありません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="426"/>
        <location filename="../../core/csvimport.cpp" line="445"/>
        <source>is out of range (0 to %1 s)</source>
        <translation>は範囲外です（0〜%1 秒）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="437"/>
        <source>is not a number of retries (0 to %1)</source>
        <translation>は再試行回数ではありません（0〜%1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="449"/>
        <location filename="../../core/csvimport.cpp" line="451"/>
        <source>is set although the task is not http</source>
        <translation>が設定されていますが、タスクは http ではありません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="460"/>
        <location filename="../../core/csvimport.cpp" line="530"/>
        <source>is out of range (%1 to %2)</source>
        <translation>は範囲外です（%1〜%2）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="386"/>
        <location filename="../../core/csvimport.cpp" line="391"/>
        <location filename="../../core/csvimport.cpp" line="395"/>
        <location filename="../../core/csvimport.cpp" line="467"/>
        <source>differs from the run&apos;s first row (%1)</source>
        <translation>がこの実行の最初の行（%1）と異なります</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="314"/>
        <source>is not a run name (unlimited, limit-N, recorded or what-if-limit-N)</source>
        <translation>は実行名ではありません（unlimited、limit-N、recorded、what-if-limit-N のいずれか）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="487"/>
        <source>is not a gate limit (1 to %1)</source>
        <translation>はゲートの制限値ではありません（1〜%1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="492"/>
        <source>is one gate too many (at most %1)</source>
        <translation>はゲートの数の上限を超えています（最大 %1 個）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="497"/>
        <source>differs from the gate&apos;s limit on an earlier row (%1)</source>
        <translation>が前の行のゲートの制限値（%1）と異なります</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="501"/>
        <source>is set although the task has no gate</source>
        <translation>が設定されていますが、タスクにゲートがありません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="506"/>
        <source>is not a status (ok, failed or cancelled)</source>
        <translation>は状態ではありません（ok、failed、cancelled のいずれか）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="509"/>
        <source>means the CSV was exported while the run was going on; only finished runs can be opened</source>
        <translation>は実行中に書き出された CSV であることを示します。開けるのは終わった実行だけです</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="525"/>
        <source>is negative</source>
        <translation>が負の値です</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="537"/>
        <source>is empty although the task started</source>
        <translation>が空ですが、タスクは開始しています</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="538"/>
        <location filename="../../core/csvimport.cpp" line="572"/>
        <location filename="../../core/csvimport.cpp" line="586"/>
        <source>is set although the task never started</source>
        <translation>に値がありますが、タスクは開始していません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="541"/>
        <source>is empty although the task started and ended %1</source>
        <translation>が空ですが、タスクは開始して %1 で終わっています</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="544"/>
        <source>is empty although the task finished</source>
        <translation>が空ですが、タスクは終わっています</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="546"/>
        <source>is empty, but only a cancelled task never starts</source>
        <translation>が空ですが、開始しないのはキャンセルされたタスクだけです</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="549"/>
        <location filename="../../core/csvimport.cpp" line="559"/>
        <source>is before submitted_s %1</source>
        <translation>が submitted_s（%1）より前です</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="552"/>
        <source>is before started_s %1</source>
        <translation>が started_s（%1）より前です</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="562"/>
        <source>is after started_s %1</source>
        <translation>が started_s %1 より後です</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="569"/>
        <source>is not a thread number (1 to %1)</source>
        <translation>はスレッド番号ではありません（1〜%1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="582"/>
        <source>is not a number of attempts (1 to %1)</source>
        <translation>は試行回数ではありません（1〜%1）</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="604"/>
        <source>no rows: the file holds only the header</source>
        <translation>行がありません: ファイルにはヘッダーしかありません</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="639"/>
        <source>cannot read &quot;%1&quot;: it is a folder</source>
        <translation>&quot;%1&quot; を読み込めません: フォルダーです</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="643"/>
        <source>cannot read &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; を読み込めません: %2</translation>
    </message>
    <message>
        <location filename="../../core/csvimport.cpp" line="649"/>
        <source>cannot read &quot;%1&quot;: it is too large (at most %2 MiB)</source>
        <translation>&quot;%1&quot; を読み込めません: 大きすぎます（最大 %2 MiB）</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <location filename="../../ui/guioptions.cpp" line="27"/>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot にはファイル名が必要です</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="30"/>
        <source>--screenshot &quot;%1&quot; is a folder</source>
        <translation>--screenshot &quot;%1&quot; はフォルダーです</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="33"/>
        <source>--screenshot &quot;%1&quot;: the folder &quot;%2&quot; does not exist</source>
        <translation>--screenshot &quot;%1&quot;: フォルダー &quot;%2&quot; が存在しません</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="46"/>
        <source>TaskLanes makes concurrency visible: run tasks in parallel, with or without a limit, and watch them start and finish on a timeline.</source>
        <translation>TaskLanes は並列処理を目に見えるようにします: タスクを並列数の制限なし・ありで並列に実行し、開始と終了をタイムラインで確かめられます。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="51"/>
        <source>Task durations in seconds, comma separated (first start: 5,1,8,3,4); @FILE reads the list from FILE.</source>
        <translation>タスクの所要時間（秒、カンマ区切り。初回の起動時: 5,1,8,3,4）。@FILE とするとリストを FILE から読み込みます。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="54"/>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="56"/>
        <source>Run at most N tasks at once (first start: 2).</source>
        <translation>同時に実行するタスクを最大 N 個にします（初回の起動時: 2）。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="56"/>
        <location filename="../../ui/guioptions.cpp" line="81"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="58"/>
        <source>Start with the concurrency limit switched off.</source>
        <translation>並列数の制限をオフにして起動します。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="60"/>
        <source>Real seconds per scenario second (0.1 makes a 5 s task take 500 ms).</source>
        <translation>シナリオの 1 秒あたりの実時間（秒）。0.1 にすると 5 秒のタスクが 500 ms で終わります。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="62"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="64"/>
        <source>With --autorun or --screenshot: compare unlimited against the limit.</source>
        <translation>--autorun または --screenshot と一緒に: 制限なしと制限付きを比較します。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="67"/>
        <source>Load the preset NAME and show its lesson (see tasklanes-cli --list-presets); with --autorun or --screenshot a preset with a limit is compared.</source>
        <translation>プリセット NAME を読み込み、そのレッスンを表示します（tasklanes-cli --list-presets を参照）。--autorun または --screenshot と一緒なら、並列数の制限があるプリセットは比較します。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="72"/>
        <source>Sweep the limits at start: a range such as 1..12 or a list such as 1,2,4,8 (with --screenshot: when done).</source>
        <translation>起動時に並列数をスイープします。1..12 のような範囲か 1,2,4,8 のようなリストで指定します（--screenshot と一緒なら、スイープが終わってから保存します）。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="74"/>
        <source>LIMITS</source>
        <translation>LIMITS</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="76"/>
        <source>With --sweep: predict each limit instead of running it.</source>
        <translation>--sweep と一緒に: 各並列数を実行せずに予測します。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="78"/>
        <source>Once the run is shown (a run file, or --autorun and --screenshot when done): predict it under limit N and compare the two.</source>
        <translation>実行が表示されたら（実行記録のファイルのとき、または --autorun と --screenshot で実行が終わったとき）: N 並列で予測し、両者を比較します。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="82"/>
        <source>Start the run at once.</source>
        <translation>起動したらすぐに実行します。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="84"/>
        <source>Run (or compare), save a PNG of the window to FILE when done, and quit. Uses default settings.</source>
        <translation>実行（または比較）し、終わったらウィンドウの PNG を FILE に保存して終了します。既定の設定を使います。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="86"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="88"/>
        <source>Window size in pixels, such as 1024x700 (first start: 1400x900).</source>
        <translation>ウィンドウの大きさ（ピクセル）。例: 1024x700（初回起動時: 1400x900）。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="90"/>
        <source>WxH</source>
        <translation>WxH</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="92"/>
        <source>Colour theme: system, light or dark.</source>
        <translation>配色テーマ: system、light、dark のいずれか。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="70"/>
        <location filename="../../ui/guioptions.cpp" line="92"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="93"/>
        <source>Same as --theme dark.</source>
        <translation>--theme dark と同じです。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="95"/>
        <source>High contrast, in any theme.</source>
        <translation>ハイコントラスト（どのテーマでも）。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="98"/>
        <source>User interface language: ja or en (default: the system&apos;s).</source>
        <translation>表示言語: ja または en（既定: システムの言語）。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="99"/>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="128"/>
        <source>unexpected argument &quot;%1&quot; (one file at most)</source>
        <translation>予期しない引数 &quot;%1&quot;（ファイルは 1 つまでです）</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="164"/>
        <source>give only one of --durations, --preset and a file</source>
        <translation>--durations、--preset、ファイルはどれか 1 つだけ指定してください</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="167"/>
        <source>--preset: unknown preset &quot;%1&quot; (see tasklanes-cli --list-presets)</source>
        <translation>--preset: 不明なプリセット &quot;%1&quot;（tasklanes-cli --list-presets を参照）</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="212"/>
        <source>--size: &quot;%1&quot; is not a window size (WIDTHxHEIGHT, from 320x240)</source>
        <translation>--size: &quot;%1&quot; はウィンドウの大きさではありません（幅x高さ、320x240 以上）</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="236"/>
        <source>--predict goes with --sweep</source>
        <translation>--predict は --sweep と一緒に使います</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="241"/>
        <source>--sweep runs the tasks once per limit; it excludes --compare, --autorun and a recorded run (CSV)</source>
        <translation>--sweep はタスクを並列数ごとに 1 回ずつ実行します。--compare、--autorun、実行記録（CSV）とは同時に指定できません</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="250"/>
        <source>N must be 1 or more</source>
        <translation>N は 1 以上でなければなりません</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="252"/>
        <source>--what-if goes with a run, not with --sweep</source>
        <translation>--what-if は実行と一緒に使います。--sweep とは一緒に使えません</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="257"/>
        <source>--autorun and --compare run the tasks; a recorded run (CSV) is only shown</source>
        <translation>--autorun と --compare はタスクを実行します。実行記録（CSV）は表示するだけです</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="190"/>
        <source>--limit and --unlimited exclude each other</source>
        <translation>--limit と --unlimited は同時に指定できません</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="103"/>
        <source>A scenario file (JSON) to open, or a run to show: recorded as CSV (Export CSV, tasklanes-cli --csv) or a Chrome trace JSON, optionally gzip-compressed (told from a scenario by content).</source>
        <translation>開くシナリオファイル（JSON）、または表示する実行記録: CSV（CSV の書き出し、tasklanes-cli --csv）か Chrome トレース JSON で、gzip 圧縮されていても構いません（シナリオとは内容で区別します）。</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="107"/>
        <source>[SCENARIO.json | RUN.csv | TRACE.json[.gz]]</source>
        <translation>[SCENARIO.json | RUN.csv | TRACE.json[.gz]]</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="217"/>
        <source>--theme and --dark exclude each other</source>
        <translation>--theme と --dark は同時に指定できません</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="221"/>
        <source>--theme: &quot;%1&quot; is not a theme (system, light or dark)</source>
        <translation>--theme: &quot;%1&quot; はテーマではありません（system、light、dark のいずれか）</translation>
    </message>
    <message>
        <location filename="../../ui/guioptions.cpp" line="233"/>
        <source>--compare needs a limit (it compares unlimited against limit N)</source>
        <translation>--compare には並列数の制限が必要です（制限なしと N 並列を比較します）</translation>
    </message>
</context>
<context>
    <name>ImageExport</name>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="100"/>
        <source>Difference (%1 %2 %3)</source>
        <translation>差（%1 %2 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="118"/>
        <source>%1×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="121"/>
        <source>Makespan (measured)</source>
        <translation>総所要時間（実測）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="123"/>
        <source>Makespan (predicted)</source>
        <translation>総所要時間（予測）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="125"/>
        <source>Speedup</source>
        <translation>高速化率</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="127"/>
        <source>Peak concurrency</source>
        <translation>最大同時実行数</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="130"/>
        <source>Mean wait</source>
        <translation>平均待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="132"/>
        <source>Max wait</source>
        <translation>最大待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="134"/>
        <source>Mean completion</source>
        <translation>平均完了時間</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="141"/>
        <source>running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="151"/>
        <source>same</source>
        <translation>同じ</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="161"/>
        <source>Tasks ok</source>
        <translation>成功したタスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="164"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="210"/>
        <source>TaskLanes: no runs</source>
        <translation>TaskLanes: 実行なし</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="214"/>
        <source> vs </source>
        <translation> vs </translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="216"/>
        <source>%1 · 1 task</source>
        <translation>%1 · 1 タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="217"/>
        <source>%1 · %2 tasks</source>
        <translation>%1 · %2 タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="220"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/imageexport.cpp" line="376"/>
        <source>TaskLanes timeline</source>
        <translation>TaskLanes タイムライン</translation>
    </message>
</context>
<context>
    <name>LessonCard</name>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="87"/>
        <location filename="../../ui/lessoncard.cpp" line="93"/>
        <location filename="../../ui/lessoncard.cpp" line="98"/>
        <location filename="../../ui/lessoncard.cpp" line="297"/>
        <source>Lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="116"/>
        <source>In Python asyncio (3.9+):</source>
        <translation>Python asyncio（3.9 以降）では:</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="117"/>
        <location filename="../../ui/lessoncard.cpp" line="125"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="119"/>
        <source>Copy the Python code to the clipboard</source>
        <translation>Python のコードをクリップボードにコピーします</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="124"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="135"/>
        <source>Python code</source>
        <translation>Python のコード</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="140"/>
        <source>Expected:</source>
        <translation>期待される結果:</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="239"/>
        <source>compared</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="253"/>
        <source>not run yet</source>
        <translation>まだ実行していません</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="257"/>
        <source>reproduced</source>
        <translation>再現できました</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="261"/>
        <source>not reproduced</source>
        <translation>再現できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="265"/>
        <location filename="../../ui/lessoncard.cpp" line="275"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="277"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="295"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="298"/>
        <source>%1 of %2 expected outcomes reproduced</source>
        <translation>期待される結果 %2 個中 %1 個を再現しました</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="301"/>
        <location filename="../../ui/lessoncard.cpp" line="307"/>
        <source>Show the lesson</source>
        <translation>レッスンを表示</translation>
    </message>
    <message>
        <location filename="../../ui/lessoncard.cpp" line="307"/>
        <source>Hide the lesson</source>
        <translation>レッスンを隠す</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="74"/>
        <source>One task: start, wait, finish</source>
        <translation>タスク 1 つ: 開始、待ち、終了</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="75"/>
        <source>A coroutine hands a blocking call to a worker thread with run_in_executor and awaits it, leaving the event loop free. One task of 2 s: one start, one finish, and its result is its argument.</source>
        <translation>コルーチンはブロッキング呼び出しを run_in_executor でワーカースレッドに渡して await し、イベントループを空けておきます。2 秒のタスクが 1 つ: 開始が 1 回、終了が 1 回で、結果は引数そのものです。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="100"/>
        <source>done in about 2 s</source>
        <translation>約 2 秒で終わる</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="105"/>
        <source>gather: five waits at once</source>
        <translation>gather: 5 つの待ちを一度に</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="106"/>
        <source>asyncio.gather starts every coroutine at once and waits for all of them. Five blocking sleeps of 5, 1, 8, 3 and 4 s run side by side on the executor&apos;s threads, so the batch takes as long as the longest. They finish shortest first, yet gather returns the results in the order given.</source>
        <translation>asyncio.gather はすべてのコルーチンを一度に開始し、すべての完了を待ちます。5、1、8、3、4 秒のブロッキングな sleep 5 つがエグゼキューターのスレッドで並んで実行されるので、全体は最も長いものと同じ時間で終わります。終わるのは短い順ですが、gather は結果を渡された順に返します。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="131"/>
        <source>8 s, not 21 s</source>
        <translation>21 秒ではなく 8 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="133"/>
        <source>finished 1, 3, 4, 5, 8: shortest first</source>
        <translation>1、3、4、5、8 の順に終了: 短い順</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="142"/>
        <source>A semaphore of 2</source>
        <translation>セマフォで同時に 2 つまで</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="143"/>
        <source>asyncio.Semaphore(2) lets two coroutines past &quot;async with sem&quot; at a time; the others wait for a permit. The same five sleeps run two by two, each starting when another finishes: 12 s instead of 8 s. Compare runs both and shows what the limit costs.</source>
        <translation>asyncio.Semaphore(2) は &quot;async with sem&quot; を一度に 2 つのコルーチンだけ通し、残りは許可を待ちます。同じ 5 つの sleep が 2 つずつ、どれかが終わるたびに次が始まる形で実行され、8 秒ではなく 12 秒かかります。比較を押すと両方を実行し、制限のコストがわかります。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="171"/>
        <source>done in about 12 s</source>
        <translation>約 12 秒で終わる</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="173"/>
        <source>never more than 2 at once</source>
        <translation>同時に 2 つを超えない</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="175"/>
        <source>slower than no limit: 12 s, not 8 s</source>
        <translation>制限なしより遅い: 8 秒ではなく 12 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="182"/>
        <source>Results come back in order</source>
        <translation>結果は渡した順に返る</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="183"/>
        <source>gather returns the results in the order the coroutines were passed, not the order they finished. A sleep of 10 s, a call asking a server for our IP address, a sleep of 1 s: the short sleep finishes first, its result comes last. The HTTP call is one more blocking function in the executor.</source>
        <translation>gather は結果を、コルーチンが終わった順ではなく渡された順に返します。10 秒の sleep、サーバーに自分の IP アドレスを問い合わせる呼び出し、1 秒の sleep: 短い sleep が最初に終わりますが、その結果は最後に来ます。HTTP 呼び出しも、エグゼキューターで実行するブロッキング関数の 1 つにすぎません。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="220"/>
        <source>printed 1, 127.0.0.1, 10</source>
        <translation>表示は 1、127.0.0.1、10 の順</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="223"/>
        <source>10 s, not 13 s</source>
        <translation>13 秒ではなく 10 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="228"/>
        <source>Arguments for the executor</source>
        <translation>エグゼキューターへの引数</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="229"/>
        <source>run_in_executor(None, func, *args) passes positional arguments to the blocking function (keyword arguments need functools.partial). Messages 333, 222 and 111 after 3, 2 and 1 s print shortest first, while gather still returns them in submission order.</source>
        <translation>run_in_executor(None, func, *args) は位置引数をブロッキング関数に渡します（キーワード引数には functools.partial が必要です）。3、2、1 秒後のメッセージ 333、222、111 は短い順に表示されますが、gather は投入順で返します。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="259"/>
        <source>printed 111, 222, 333</source>
        <translation>表示は 111、222、333 の順</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="264"/>
        <source>3 s, not 6 s</source>
        <translation>6 秒ではなく 3 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="273"/>
        <source>The executor&apos;s pool is a limit too</source>
        <translation>エグゼキューターのプールも制限になる</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="274"/>
        <source>run_in_executor(None, ...) uses the default ThreadPoolExecutor: min(32, cores + 4) threads, %1 here.</source>
        <translation>run_in_executor(None, ...) は既定の ThreadPoolExecutor を使います: スレッド数は min(32, コア数 + 4)、ここでは %1 です。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="281"/>
        <source>Ten blocking calls of 1 s with no semaphore still run %1 at a time and take %2 s, not 1 s.</source>
        <translation>1 秒のブロッキング呼び出し 10 個は、セマフォがなくても同時に %1 個ずつしか実行されず、1 秒ではなく %2 秒かかります。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="286"/>
        <source>Ten blocking calls of 1 s fit and take 1 s; on 2 cores (6 threads) they would take 2 s.</source>
        <translation>1 秒のブロッキング呼び出し 10 個はすべて収まり、1 秒で終わります。2 コア（6 スレッド）なら 2 秒かかります。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="290"/>
        <source>Give run_in_executor an executor of your own when the pool must not limit.</source>
        <translation>プールに制限させたくないときは、run_in_executor に独自のエグゼキューターを渡してください。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="311"/>
        <source>never more than %1 at once: the pool&apos;s threads</source>
        <translation>同時に %1 個を超えない: プールのスレッド数</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="316"/>
        <source>done in about %1 s</source>
        <translation>約 %1 秒で終わる</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="322"/>
        <source>A limit that spares the server</source>
        <translation>サーバーを守る制限</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="323"/>
        <source>This server serves 4 requests at full speed and answers 429 Too Many Requests above 8 in flight. Unlimited, the 24 calls crowd it, are refused and back off, and the batch ends later; behind asyncio.Semaphore(4) no call is refused.</source>
        <translation>このサーバーは 4 リクエストまでは全速で処理し、処理中が 8 個を超えると 429 Too Many Requests を返します。制限なしでは 24 個の呼び出しがサーバーに殺到し、拒否されてバックオフするため、全体の終わりが遅くなります。asyncio.Semaphore(4) の後ろなら、拒否される呼び出しはありません。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="360"/>
        <source>done in about 6 s</source>
        <translation>約 6 秒で終わる</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="362"/>
        <source>no 429 under the limit</source>
        <translation>制限下では 429 なし</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="364"/>
        <source>refused with 429, then backing off</source>
        <translation>429 で拒否され、バックオフする</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="366"/>
        <source>the limit is faster than no limit</source>
        <translation>制限したほうが制限なしより速い</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="372"/>
        <source>When the time is latency</source>
        <translation>時間が遅延のとき</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="373"/>
        <source>Each call needs 0.2 s of work on a large server 1 s away: it spends its time waiting on the network, not on the server. With a limit of 8 the 40 calls go in five waves of 1.2 s; with no limit they wait all at once. Sweep the limits to see the whole curve.</source>
        <translation>各呼び出しは、1 秒の遅延がある大きなサーバーで 0.2 秒の処理を必要とします: 時間はサーバーでの処理ではなく、ネットワークの待ちに使われます。8並列では 40 個の呼び出しが 1.2 秒ずつ 5 回の波で進み、制限なしではすべてが一度に待ちます。並列数をスイープすると曲線全体がわかります。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="406"/>
        <source>about 6 s</source>
        <translation>約 6 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="408"/>
        <source>about 1.2 s</source>
        <translation>約 1.2 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="410"/>
        <source>every call waits: the limit only slows the batch</source>
        <translation>どの呼び出しも待つだけ: 制限は全体を遅くするだけ</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="421"/>
        <source>CPU work: a gate the size of the cores</source>
        <translation>CPU 処理: コア数と同じ大きさのゲート</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="422"/>
        <source>%1 CPU-bound tasks on %2 cores: all at once, each gets part of a core and all finish late. Behind a semaphore of %2 each runs at full speed and half finish early, in the same total time; the sleeps use no core and stay free. In Python, CPU work needs a process pool: threads share one interpreter lock.</source>
        <translation>%2 コアで CPU バウンドなタスク %1 個: 一度に実行すると、それぞれがコアの一部しか使えず、すべてが遅れて終わります。%2 のセマフォの後ろなら、それぞれが全速で実行され、総所要時間は同じまま半分が早く終わります。sleep はコアを使わないので制限の外のままです。Python では CPU 処理にはプロセスプールが必要です: スレッドは 1 つのインタープリターロックを共有します。</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="463"/>
        <source>never more than %1 CPU tasks at once</source>
        <translation>同時に実行する CPU タスクは %1 個まで</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="467"/>
        <source>earlier results behind the gate (mean completion)</source>
        <translation>ゲートの後ろでは結果が早く出る（平均完了時間）</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="470"/>
        <source>the same makespan, within 25 %</source>
        <translation>総所要時間は同じ（25 % 以内）</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="16"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="61"/>
        <source>needs the unlimited run: press Compare</source>
        <translation>制限なしの実行が必要です: 比較を押してください</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="63"/>
        <source>press Run to check</source>
        <translation>実行を押すと確認できます</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="65"/>
        <source>needs the %1 run: press Run or Compare</source>
        <translation>%1の実行が必要です: 実行か比較を押してください</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="70"/>
        <source>needs both runs: press Compare</source>
        <translation>両方の実行が必要です: 比較を押してください</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="89"/>
        <location filename="../../core/lessons.cpp" line="101"/>
        <source>measured %1</source>
        <translation>実測: %1</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="95"/>
        <source>printed %1</source>
        <translation>表示: %1</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="105"/>
        <source>measured %1 (serial %2)</source>
        <translation>実測: %1（直列 %2）</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="115"/>
        <source>measured at most %1 at once</source>
        <translation>実測: 同時に最大 %1 個</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/lessons.cpp" line="121"/>
        <source>measured %n rejection(s) (429)</source>
        <translation>
            <numerusform>実測: 拒否 (429) %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="136"/>
        <source>measured unlimited %1, %2 %3</source>
        <translation>実測: 制限なし %1、%2 %3</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="150"/>
        <source>mean completion: unlimited %1, %2 %3</source>
        <translation>平均完了時間: 制限なし %1、%2 %3</translation>
    </message>
    <message>
        <location filename="../../core/lessons.cpp" line="165"/>
        <source>the run was stopped before its end</source>
        <translation>実行は最後まで終わる前に停止されました</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <location filename="../../ui/logpanel.cpp" line="35"/>
        <source>Each task&apos;s start and finish appears here while it runs.</source>
        <translation>実行中、各タスクの開始と終了がここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/logpanel.cpp" line="84"/>
        <source>… the log stops after %1 lines; export CSV (Ctrl+E) for the whole run.</source>
        <translation>… ログは %1 行で打ち切ります。実行全体は CSV の書き出し（Ctrl+E）で確認してください。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="71"/>
        <location filename="../../ui/mainwindow.cpp" line="471"/>
        <location filename="../../ui/mainwindowlesson.cpp" line="83"/>
        <source>TaskLanes</source>
        <translation>TaskLanes</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="72"/>
        <location filename="../../ui/mainwindow.cpp" line="472"/>
        <location filename="../../ui/mainwindow.cpp" line="698"/>
        <location filename="../../ui/mainwindowlesson.cpp" line="69"/>
        <source>%1 — TaskLanes</source>
        <translation>%1 — TaskLanes</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="96"/>
        <source>cannot start the sweep: %1</source>
        <translation>スイープを開始できません: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="112"/>
        <source>cannot start the run: %1</source>
        <translation>実行を開始できません: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="136"/>
        <location filename="../../ui/mainwindow.cpp" line="332"/>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="141"/>
        <source>&amp;Compare</source>
        <translation>比較(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="146"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="149"/>
        <source>Cancel the run now</source>
        <translation>実行をすぐにキャンセルします</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="102"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="103"/>
        <source>Save the runs shown as CSV</source>
        <translation>表示中の実行を CSV で保存します</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="104"/>
        <source>Export &amp;Image…</source>
        <translation>画像を書き出す(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="105"/>
        <source>Save the timeline, the concurrency chart and the summary as a PNG or SVG picture</source>
        <translation>タイムライン、同時実行数のグラフ、サマリーを PNG または SVG 画像で保存します</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="108"/>
        <source>Export &amp;Trace…</source>
        <translation>トレースを書き出す(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="109"/>
        <source>Save the runs as a Chrome trace JSON to open in Perfetto</source>
        <translation>実行を Chrome トレース JSON で保存します（Perfetto で開けます）</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="111"/>
        <source>Export as &amp;Python…</source>
        <translation>Python として書き出す(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="112"/>
        <source>Save the tasks, limit and gates as a Python asyncio program that runs them with the standard library</source>
        <translation>タスク、並列数、ゲートを、標準ライブラリで実行する Python asyncio プログラムとして保存します</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="115"/>
        <source>Open &amp;Run…</source>
        <translation>実行記録を開く(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="121"/>
        <source>&amp;Open Scenario…</source>
        <translation>シナリオを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="122"/>
        <source>Load tasks, limit and time scale from a scenario file (JSON)</source>
        <translation>シナリオファイル（JSON）からタスク、並列数、時間倍率を読み込みます</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="125"/>
        <source>&amp;Save Scenario As…</source>
        <translation>シナリオに名前を付けて保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="126"/>
        <source>Save the tasks, limit and time scale as a scenario file (JSON)</source>
        <translation>タスク、並列数、時間倍率をシナリオファイル（JSON）に保存します</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="170"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="17"/>
        <source>&amp;Task Lanes</source>
        <translation>タスクごとのレーン(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="22"/>
        <source>One lane per task</source>
        <translation>タスク 1 つにつき 1 レーン</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="23"/>
        <source>&amp;Worker Lanes</source>
        <translation>ワーカーごとのレーン(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="28"/>
        <source>One lane per pool thread: see the limit&apos;s slots fill</source>
        <translation>プールスレッド 1 つにつき 1 レーン: 並列数の枠が埋まっていく様子がわかります</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="33"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="36"/>
        <source>Zoom into the timeline</source>
        <translation>タイムラインを拡大します</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="37"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="40"/>
        <source>Zoom out of the timeline</source>
        <translation>タイムラインを縮小します</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="41"/>
        <source>&amp;Fit</source>
        <translation>全体表示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="44"/>
        <source>Show the whole run</source>
        <translation>実行全体を表示します</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="52"/>
        <source>&amp;System</source>
        <translation>システム(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="53"/>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="54"/>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="61"/>
        <source>High &amp;Contrast</source>
        <translation>ハイコントラスト(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="65"/>
        <source>Black and white with strong colours and thicker lines, in any theme</source>
        <translation>どのテーマでも、白黒の背景にはっきりした色と太い線で表示します</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="175"/>
        <source>&amp;About TaskLanes</source>
        <translation>TaskLanes について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="195"/>
        <source>S&amp;ummary</source>
        <translation>サマリー(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="196"/>
        <source>Re&amp;sults</source>
        <translation>結果(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="198"/>
        <source>Sw&amp;eep</source>
        <translation>スイープ(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="244"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="52"/>
        <source>%1 is below the smallest limit, %2: untick &quot;Limit concurrency to&quot; to run every task at once.</source>
        <translation>%1 は最小の並列数 %2 を下回っています: すべてのタスクを一度に実行するには「並列数を制限」のチェックを外してください。</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="72"/>
        <source>&amp;Limit concurrency to</source>
        <translation>並列数を制限(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="87"/>
        <source>Run at most N tasks at once, the others wait their turn in submission order (like asyncio.Semaphore)</source>
        <translation>同時に実行するタスクを最大 N 個にし、残りは投入順に順番を待ちます（asyncio.Semaphore と同じ）</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="93"/>
        <source>N: the most tasks running at once (Run when limited, and the limited half of Compare)</source>
        <translation>N: 同時に実行するタスクの最大数（制限付きの実行と、比較の制限付きの側で使います）</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="97"/>
        <source>Concurrency limit</source>
        <translation>並列数の上限</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="102"/>
        <source>&amp;Time scale:</source>
        <translation>時間倍率(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="104"/>
        <source>Real time per scenario second: faster scales replay the same schedule in less time</source>
        <translation>シナリオの 1 秒あたりの実時間: 速くすると同じスケジュールを短い時間で再現します</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="114"/>
        <source>Lanes:</source>
        <translation>レーン:</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="120"/>
        <source>&amp;Pool threads:</source>
        <translation>プールのスレッド数(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="123"/>
        <source>Pool threads</source>
        <translation>プールのスレッド数</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="125"/>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="128"/>
        <source>Pool threads, for both runs of a comparison. auto: one thread per task, up to %1. A pool smaller than the batch limits the run too.</source>
        <translation>プールのスレッド数（比較では両方の実行に共通）。自動: タスク 1 つにつき 1 スレッド、最大 %1。タスク数より小さいプールは、それ自体も実行を制限します。</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="139"/>
        <source>Admission</source>
        <translation>許可の取り方</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="141"/>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="143"/>
        <source>fifo: a worker takes a permit, then the oldest task; no thread is held by a waiting task</source>
        <translation>FIFO（fifo）: ワーカーが許可を取ってから、最も古いタスクを取ります。待っているタスクがスレッドを占有することはありません</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="146"/>
        <source>in-task</source>
        <translation>タスク内</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="148"/>
        <source>in-task: every task is started on the pool and acquires the semaphore inside run(); a waiting task holds a pool thread</source>
        <translation>タスク内（in-task）: すべてのタスクをプールで開始し、各タスクが run() の中でセマフォを取得します。待っているタスクはプールのスレッドを 1 つ占有します</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="155"/>
        <source>A&amp;dmission:</source>
        <translation>許可の取り方(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="157"/>
        <source>Where a task takes its permit</source>
        <translation>タスクが許可を取る場所</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="163"/>
        <source>The scenario&apos;s gates: at most N tasks of each gate run at once, on top of the limit. Open another scenario to change them.</source>
        <translation>シナリオのゲート: 各ゲートのタスクは、並列数の制限に加えて、同時に最大 N 個まで実行されます。変更するには別のシナリオを開いてください。</translation>
    </message>
    <message>
        <location filename="../../ui/runcontrols.cpp" line="204"/>
        <source>Gates: %1</source>
        <translation>ゲート: %1</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="30"/>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="31"/>
        <source>Workers</source>
        <translation>ワーカー</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="645"/>
        <source>Run the tasks</source>
        <translation>タスクを実行します</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="647"/>
        <source>Run unlimited, then limited to N, and compare</source>
        <translation>制限なしで実行した後に N 並列で実行し、比較します</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="302"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="130"/>
        <source>Open Re&amp;cent</source>
        <translation>最近使ったファイル(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="307"/>
        <source>&amp;Presets</source>
        <translation>プリセット(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="320"/>
        <source>Preset %1: %2</source>
        <translation>プリセット %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="340"/>
        <source>&amp;Tasks</source>
        <translation>タスク(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="347"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/viewactions.cpp" line="92"/>
        <source>T&amp;heme</source>
        <translation>テーマ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="349"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="351"/>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="135"/>
        <source>Scenario time since the current run started</source>
        <translation>現在の実行が始まってからのシナリオ上の時間</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="137"/>
        <source>Tasks running and waiting right now</source>
        <translation>現在、実行中と待ち中のタスクの数</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="141"/>
        <location filename="../../ui/runstatusbar.cpp" line="234"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="143"/>
        <location filename="../../ui/runstatusbar.cpp" line="226"/>
        <source>%1 / %2 done</source>
        <translation>%1 / %2 完了</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="144"/>
        <source>Tasks done (ok) of all the session&apos;s runs, then those that failed or were cancelled</source>
        <translation>このセッションのすべての実行で完了（成功）したタスク数と、失敗・キャンセルしたタスク数</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="147"/>
        <location filename="../../ui/runstatusbar.cpp" line="235"/>
        <source>%1 running · %2 waiting</source>
        <translation>実行中 %1 · 待ち %2</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="230"/>
        <source>%1 failed</source>
        <translation>失敗 %1</translation>
    </message>
    <message>
        <location filename="../../ui/runstatusbar.cpp" line="232"/>
        <source>%1 cancelled</source>
        <translation>キャンセル %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="197"/>
        <source>L&amp;og</source>
        <translation>ログ(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="264"/>
        <source>Pool</source>
        <translation>プール</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="269"/>
        <source>Sweep</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="316"/>
        <source>Stop the run before loading a preset.</source>
        <translation>プリセットを読み込む前に実行を停止してください。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="360"/>
        <source>Ready: press Run (%1) or Compare (%2)</source>
        <translation>準備完了: 実行（%1）か比較（%2）を押してください</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="511"/>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="542"/>
        <source>Running %1 (run %2 of %3)…</source>
        <translation>%1で実行中（%3 回中 %2 回目）…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="546"/>
        <source>Running %1…</source>
        <translation>%1で実行中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="606"/>
        <source>=== stopped: %n task(s) cancelled ===</source>
        <translation>
            <numerusform>=== 停止: %n 個のタスクをキャンセルしました ===</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="607"/>
        <source>Stopped: %n task(s) cancelled.</source>
        <translation>
            <numerusform>停止しました: %n 個のタスクをキャンセルしました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="609"/>
        <source>Comparison finished: %1 %2, %3 %4.</source>
        <translation>比較が終わりました: %1 %2、%3 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="617"/>
        <source>Finished %1: %2</source>
        <translation>%1が終わりました: %2</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="326"/>
        <location filename="../../ui/mainwindow.cpp" line="641"/>
        <source>Fix the tasks first: %1</source>
        <translation>先にタスクを直してください: %1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="231"/>
        <location filename="../../ui/fileactions.cpp" line="247"/>
        <location filename="../../ui/fileactions.cpp" line="258"/>
        <source>There is nothing to export yet: run the tasks first.</source>
        <translation>まだ書き出すものがありません。先にタスクを実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="270"/>
        <source>Export CSV</source>
        <translation>CSV の書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="273"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="275"/>
        <source>The CSV could not be written; nothing was changed.

%1</source>
        <translation>CSV を書き出せませんでした。何も変更されていません。

%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fileactions.cpp" line="282"/>
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%1 に %n 行を書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="295"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="296"/>
        <source>SVG image, vector (*.svg)</source>
        <translation>SVG 画像、ベクター (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="292"/>
        <source>Export Image</source>
        <translation>画像の書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="117"/>
        <source>Show a run recorded as CSV (by Export CSV or tasklanes-cli --csv) or a Chrome trace JSON (Perfetto, Ray, Taskflow, TaskLanes) in the timeline and the summary</source>
        <translation>CSV（「CSV を書き出す」か tasklanes-cli --csv で作成）または Chrome トレース JSON（Perfetto、Ray、Taskflow、TaskLanes）に記録された実行を、タイムラインとサマリーに表示します</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="298"/>
        <source>The image could not be written; nothing was changed.

%1</source>
        <translation>画像を書き出せませんでした。何も変更されていません。

%1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="301"/>
        <source>Exported the image to %1</source>
        <translation>画像を %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="310"/>
        <source>Export Trace</source>
        <translation>トレースの書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="313"/>
        <source>Chrome trace JSON (*.json);;All files (*)</source>
        <translation>Chrome トレース JSON (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="315"/>
        <source>The trace could not be written; nothing was changed.

%1</source>
        <translation>トレースを書き出せませんでした。何も変更されていません。

%1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="318"/>
        <source>Exported the trace to %1: open it in https://ui.perfetto.dev</source>
        <translation>トレースを %1 に書き出しました: https://ui.perfetto.dev で開けます</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="348"/>
        <location filename="../../ui/fileactions.cpp" line="351"/>
        <source>Export as Python</source>
        <translation>Python の書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="354"/>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Python プログラム (*.py);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="356"/>
        <source>The program could not be written; nothing was changed.

%1</source>
        <translation>プログラムを書き出せませんでした。何も変更されていません。

%1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="359"/>
        <source>Exported %1: run it with python3 %2</source>
        <translation>%1 を書き出しました: python3 %2 で実行できます</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="386"/>
        <location filename="../../ui/fileactions.cpp" line="445"/>
        <source>Open Scenario</source>
        <translation>シナリオを開く</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="372"/>
        <location filename="../../ui/fileactions.cpp" line="388"/>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>シナリオファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="395"/>
        <location filename="../../ui/fileactions.cpp" line="445"/>
        <source>Open Run</source>
        <translation>実行記録を開く</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="397"/>
        <source>Runs and traces (*.csv *.json *.json.gz *.gz);;TaskLanes CSV (*.csv);;Chrome trace JSON (*.json *.json.gz);;All files (*)</source>
        <translation>実行記録とトレース (*.csv *.json *.json.gz *.gz);;TaskLanes CSV (*.csv);;Chrome トレース JSON (*.json *.json.gz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="424"/>
        <source>A run is going on: stop it before opening a recorded run.</source>
        <translation>実行中です。実行記録を開く前に停止してください。</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="446"/>
        <source>The run could not be opened.

%1</source>
        <translation>実行記録を開けませんでした。

%1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="447"/>
        <source>The scenario could not be opened.

%1</source>
        <translation>シナリオを開けませんでした。

%1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="416"/>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="700"/>
        <source>Opened the recorded run %1: %2</source>
        <translation>実行記録 %1 を開きました: %2</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="475"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="486"/>
        <source>&amp;Clear Recent Files</source>
        <translation>最近使ったファイルを消去(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="500"/>
        <source>Open Recent</source>
        <translation>最近使ったファイル</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="501"/>
        <source>&quot;%1&quot; no longer exists; it was removed from the recent files.</source>
        <translation>&quot;%1&quot; はもう存在しません。最近使ったファイルから削除しました。</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="366"/>
        <location filename="../../ui/fileactions.cpp" line="369"/>
        <source>Save Scenario</source>
        <translation>シナリオを保存</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="374"/>
        <source>The scenario could not be saved; nothing was changed.

%1</source>
        <translation>シナリオを保存できませんでした。何も変更されていません。

%1</translation>
    </message>
    <message>
        <location filename="../../ui/fileactions.cpp" line="381"/>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="714"/>
        <location filename="../../ui/mainwindow.cpp" line="719"/>
        <location filename="../../ui/mainwindow.cpp" line="724"/>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; に書き込めません: %2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="748"/>
        <source>Could not open the file: %1</source>
        <translation>ファイルを開けませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="749"/>
        <source>Cannot Open the File</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="750"/>
        <source>TaskLanes could not open the file it was given.</source>
        <translation>TaskLanes は指定されたファイルを開けませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="761"/>
        <source>About TaskLanes</source>
        <translation>TaskLanes について</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="762"/>
        <source>&lt;h3&gt;TaskLanes %1&lt;/h3&gt;&lt;p&gt;Makes concurrency visible: run tasks in parallel, with or without a limit, and watch each one wait, start and finish on a timeline.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TaskLanes %1&lt;/h3&gt;&lt;p&gt;並列処理を目に見えるようにします: タスクを並列数の制限なし・ありで並列に実行し、それぞれが待ち、開始し、終了する様子をタイムラインで確かめられます。&lt;/p&gt;&lt;p&gt;Qt %2 でビルド、Qt %3 で実行中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowsweep.cpp" line="70"/>
        <source>Predicted sweep: best limit %1. Click a point to see its schedule.</source>
        <translation>予測によるスイープ: 最適な並列数は %1 です。点をクリックすると、そのスケジュールが表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowsweep.cpp" line="88"/>
        <source>Sweeping…</source>
        <translation>スイープ中…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowsweep.cpp" line="95"/>
        <source>Sweeping: limit %1 (%2 of %3)…</source>
        <translation>スイープ中: %1並列（%3 個中 %2 個目）…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindowsweep.cpp" line="135"/>
        <source>Sweep stopped after %n limit(s).</source>
        <translation>
            <numerusform>%n 個の並列数を終えたところでスイープを停止しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowsweep.cpp" line="137"/>
        <source>Sweep finished: best limit %1. Click a point to see its schedule.</source>
        <translation>スイープが終わりました: 最適な並列数は %1 です。点をクリックすると、そのスケジュールが表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowsweep.cpp" line="159"/>
        <source>Limit %1: predicted makespan %2. Run it to measure it.</source>
        <translation>%1並列: 予測総所要時間 %2。実行すると実測できます。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowsweep.cpp" line="180"/>
        <source>Tasks reordered longest first: the next run uses this order.</source>
        <translation>タスクを長い順に並べ替えました: 次の実行はこの順序で行います。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="65"/>
        <source>Repla&amp;y as Scenario</source>
        <translation>シナリオとして再現(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="67"/>
        <source>Load the shown run&apos;s tasks into the editor as sleeps of their recorded durations, to run them again under a limit</source>
        <translation>表示中の実行のタスクを、記録された所要時間の sleep としてエディターに読み込みます。並列数を制限して再実行できます</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="98"/>
        <source>%1 (Chrome trace) — TaskLanes</source>
        <translation>%1 (Chrome トレース) — TaskLanes</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="100"/>
        <source>%1 (TaskLanes CSV) — TaskLanes</source>
        <translation>%1 (TaskLanes CSV) — TaskLanes</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="102"/>
        <source>Opened %1, but %2</source>
        <translation>%1 を開きましたが、%2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="157"/>
        <source>Limit %1 would take %2 instead of %3.</source>
        <translation>%1並列なら %3ではなく %2かかります。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="175"/>
        <source>Showing the recorded run alone.</source>
        <translation>実行記録だけを表示しています。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowtrace.cpp" line="185"/>
        <source>replay</source>
        <translation>再現</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindowtrace.cpp" line="191"/>
        <source>Loaded %n recorded task(s) as sleeps at %1: press Run (limit %2) or Compare.</source>
        <translation>
            <numerusform>記録されたタスク %n 個を sleep として読み込みました（%1）: 実行（%2並列）か比較を押してください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../core/presets.cpp" line="19"/>
        <source>A single 2 s task: one start, one finish.</source>
        <translation>2 秒のタスクが 1 つ: 開始が 1 回、終了が 1 回。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="20"/>
        <source>Five sleeps of 5, 1, 8, 3 and 4 s all at once: done in 8 s, not 21 s.</source>
        <translation>5、1、8、3、4 秒の sleep 5 つを一度に実行: 21 秒ではなく 8 秒で終わります。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="22"/>
        <source>The same five sleeps, at most two at a time (a semaphore of 2): 12 s.</source>
        <translation>同じ 5 つの sleep を同時に 2 つまで実行（Semaphore(2)）: 12 秒。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="24"/>
        <source>Sleep 10 s, ask the local endpoint for our IP, sleep 1 s: results come back in submission order.</source>
        <translation>10 秒 sleep、ローカルエンドポイントに IP を問い合わせ、1 秒 sleep: 結果は投入順に返ります。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="26"/>
        <source>Messages 333, 222 and 111 after 3, 2 and 1 s: printed 111, 222, 333; results still in submission order.</source>
        <translation>3、2、1 秒後にメッセージ 333、222、111: 表示は 111、222、333 の順でも、結果は投入順のままです。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="28"/>
        <source>Ten 1 s blocking calls with no limit, on Python&apos;s default executor: a pool of min(32, cores + 4) threads. On 2 cores that is 6 threads, so &quot;unlimited&quot; takes 2 s, not 1 s: the pool is a limit too.</source>
        <translation>制限なしの 1 秒のブロッキング呼び出し 10 個を Python の既定のエグゼキューター（min(32, コア数 + 4) スレッドのプール）で実行します。2 コアでは 6 スレッドなので、&quot;制限なし&quot; でも 1 秒ではなく 2 秒かかります: プールも制限なのです。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="32"/>
        <source>24 calls of 1 s to a server that serves 4 at full speed and answers 429 Too Many Requests above 8 in flight; each call retries 3 times with backoff. Unlimited, the calls crowd the server, are refused and back off: slower than a limit of 4 (6 s), which is never refused.</source>
        <translation>1 秒の呼び出し 24 個を、4 個までは全速で処理し、処理中が 8 個を超えると 429 Too Many Requests を返すサーバーに送ります。各呼び出しはバックオフしながら 3 回まで再試行します。制限なしでは呼び出しがサーバーに殺到し、拒否されてはバックオフするので、一度も拒否されない 4並列（6 秒）より遅くなります。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="37"/>
        <source>40 calls of 0.2 s to a large server (64 at full speed) 1 s away: the time is latency, not work, so every higher limit pays off: limit 8 takes 6 s, no limit 1.2 s (sweep the limits to see the curve).</source>
        <translation>0.2 秒の呼び出し 40 個を、1 秒の遅延がある大きなサーバー（全速で 64 個）に送ります。かかる時間は処理ではなく遅延なので、並列数を上げるほど速くなります: 8並列では 6 秒、制限なしでは 1.2 秒（並列数をスイープすると曲線がわかります）。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="58"/>
        <source>%1 CPU-bound tasks of 1 s behind a &quot;cpu&quot; gate of %2 (the cores), %1 sleeps of 1 s with no limit: compare to see the same makespan, earlier results and no oversubscription.</source>
        <translation>1 秒の CPU バウンドなタスク %1 個を &quot;cpu&quot; ゲート %2（コア数）の後ろに、1 秒の sleep %1 個を制限なしで: 比較すると、総所要時間は同じまま結果が早く出て、コアの取り合いがなくなるのがわかります。</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="72"/>
        <source>cpu %1</source>
        <translation>cpu %1</translation>
    </message>
    <message>
        <location filename="../../core/presets.cpp" line="79"/>
        <source>sleep %1</source>
        <translation>sleep %1</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../ui/replaybar.cpp" line="48"/>
        <source>Replay</source>
        <translation>再生</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="49"/>
        <source>Go to the start</source>
        <translation>先頭へ移動</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="50"/>
        <source>Go to the start (Home)</source>
        <translation>先頭へ移動 (Home)</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="51"/>
        <source>Go to the end</source>
        <translation>末尾へ移動</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="52"/>
        <source>Go to the end: the finished runs (End)</source>
        <translation>末尾へ移動: 終わった実行を表示 (End)</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="54"/>
        <source>Replay time</source>
        <translation>再生位置</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="55"/>
        <source>Drag to see the runs at any instant</source>
        <translation>ドラッグすると、任意の時点の実行の様子を確認できます</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="63"/>
        <location filename="../../ui/replaybar.cpp" line="228"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="65"/>
        <source>Replay speed</source>
        <translation>再生速度</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="66"/>
        <source>Scenario seconds replayed per second</source>
        <translation>1 秒あたりに再生するシナリオ上の秒数</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="68"/>
        <source>%1×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="70"/>
        <source>Spee&amp;d:</source>
        <translation>速度(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="245"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="245"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="246"/>
        <source>Pause (Space)</source>
        <translation>一時停止 (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/replaybar.cpp" line="246"/>
        <source>Play (Space)</source>
        <translation>再生 (Space)</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="165"/>
        <source>Not finished yet</source>
        <translation>まだ終わっていません</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="168"/>
        <source>Task #%1 returned %2 and completed %3 of %4</source>
        <translation>タスク #%1 は %2 を返し、%4 個中 %3 番目に完了しました</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="183"/>
        <source>Completed %1 of %2: task #%3, submitted %3 of %2, returned %4</source>
        <translation>%2 個中 %1 番目に完了: タスク #%3（%2 個中 %3 番目に投入）、戻り値 %4</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="188"/>
        <source>%1  → %2</source>
        <translation>%1  → %2</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="199"/>
        <source>The tasks in the order they were submitted</source>
        <translation>投入した順のタスク</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="199"/>
        <source>Submitted</source>
        <translation>投入順</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="202"/>
        <source>What each task returned (%1), in submission order: the list gather returns</source>
        <translation>各タスクの戻り値（%1）を投入順に並べたもの: gather が返すリスト</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="205"/>
        <source>Result · %1</source>
        <translation>結果 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="206"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="209"/>
        <source>The tasks in the order they completed (%1)</source>
        <translation>完了した順のタスク（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="210"/>
        <source>Completed · %1</source>
        <translation>完了順 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="211"/>
        <source>Completed</source>
        <translation>完了順</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="229"/>
        <source>Like asyncio.gather, a run returns its results in submission order, whatever order the tasks complete in.</source>
        <translation>asyncio.gather と同じく、タスクがどの順に完了しても、結果は投入順に返ります。</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="238"/>
        <source>Run the tasks to see their results here.</source>
        <translation>タスクを実行すると、ここに結果が表示されます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/resultspanel.cpp" line="390"/>
        <location filename="../../ui/resultspanel.cpp" line="396"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… ほか %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="398"/>
        <source>results: [%1]</source>
        <translation>結果: [%1]</translation>
    </message>
    <message>
        <location filename="../../ui/resultspanel.cpp" line="401"/>
        <source>completion order: [%1]</source>
        <translation>完了順: [%1]</translation>
    </message>
</context>
<context>
    <name>RunFile</name>
    <message>
        <location filename="../../core/runfile.cpp" line="44"/>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="54"/>
        <source>it is too large (%1 MiB, at most %2 MiB)</source>
        <translation>大きすぎます（%1 MiB、最大 %2 MiB）</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="89"/>
        <source>it is too large (more than %1 MiB)</source>
        <translation>大きすぎます（%1 MiB を超えています）</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="143"/>
        <source>cannot start decompressing</source>
        <translation>展開を開始できません</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="163"/>
        <location filename="../../core/runfile.cpp" line="182"/>
        <source>it decompresses to more than %1 MiB</source>
        <translation>展開すると %1 MiB を超えます</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="196"/>
        <source>data that is not gzip after the compressed stream, at byte %1</source>
        <translation>圧縮ストリームの後の %1 バイト目に gzip ではないデータがあります</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="206"/>
        <source>corrupt gzip data at byte %1 (%2)</source>
        <translation>%1 バイト目の gzip データが壊れています（%2）</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="212"/>
        <source>the gzip data ends early, at byte %1 (truncated)</source>
        <translation>gzip データが %1 バイト目で途切れています（ファイルが切り詰められています）</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="232"/>
        <source>cannot read &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; を読み込めません: %2</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="263"/>
        <source>cannot read &quot;%1&quot;: the file is empty</source>
        <translation>&quot;%1&quot; を読み込めません: ファイルが空です</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="278"/>
        <source>&quot;%1&quot; is a scenario file, not a recorded run: open it as a scenario (tasklanes-cli --scenario FILE, or File &gt; Open Scenario)</source>
        <translation>&quot;%1&quot; は実行記録ではなくシナリオファイルです: シナリオとして開いてください（tasklanes-cli --scenario FILE、または ファイル &gt; シナリオを開く）</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="285"/>
        <source>&quot;%1&quot; is neither a TaskLanes CSV nor a Chrome trace (JSON) nor a scenario</source>
        <translation>&quot;%1&quot; は TaskLanes の CSV でも Chrome トレース（JSON）でもシナリオでもありません</translation>
    </message>
    <message>
        <location filename="../../core/runfile.cpp" line="293"/>
        <source>cannot read &quot;%1&quot;: it is too large (%2 MiB, at most %3 MiB)</source>
        <translation>&quot;%1&quot; を読み込めません: 大きすぎます（%2 MiB、最大 %3 MiB）</translation>
    </message>
</context>
<context>
    <name>RunOptions</name>
    <message>
        <location filename="../../core/scenario.cpp" line="276"/>
        <source>limit %1</source>
        <translation>%1並列</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="277"/>
        <source>unlimited</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="278"/>
        <source>gated</source>
        <translation>ゲート付き</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="279"/>
        <source>recorded</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="280"/>
        <source>what-if limit %1</source>
        <translation>%1並列の予測</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="337"/>
        <source>recorded on 1 thread</source>
        <translation>記録（1 スレッド）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="338"/>
        <source>recorded on %1 threads</source>
        <translation>記録（%1 スレッド）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="341"/>
        <source>%1: recorded durations, FIFO in recorded start order</source>
        <translation>%1: 記録された所要時間を使い、記録の開始順に FIFO</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="345"/>
        <source>%1 on a pool of 1 thread</source>
        <translation>%1（プール 1 スレッド）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="347"/>
        <source>%1 on a pool of %2 threads</source>
        <translation>%1（プール %2 スレッド）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="351"/>
        <source>, %1 admission</source>
        <translation>、許可の取り方 %1</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="354"/>
        <source>, gates %1</source>
        <translation>、ゲート %1</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="359"/>
        <source>tasks waited for a thread, then for a permit, and the permit bound</source>
        <translation>タスクはスレッドを待ち、次に許可を待ちました。待ちを決めたのは許可です</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="362"/>
        <source>the permit bound the waits</source>
        <translation>待ちを決めたのは許可です</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="365"/>
        <source>the threads bound the waits</source>
        <translation>待ちを決めたのはスレッドです</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="366"/>
        <source>; the pool is a limit too (%1 tasks): %2</source>
        <translation>。プールも制限になっています（タスク %1 個）: %2</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <location filename="../../core/runreport.cpp" line="111"/>
        <source>start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="118"/>
        <source>finish</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="121"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="123"/>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../core/lessoncatalog.cpp" line="31"/>
        <location filename="../../core/lessons.cpp" line="85"/>
        <location filename="../../core/runreport.cpp" line="141"/>
        <source>results: [%1]</source>
        <translation>結果: [%1]</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="149"/>
        <source>completion order: [%1]</source>
        <translation>完了順: [%1]</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="171"/>
        <source>run: %1 (time scale %2)</source>
        <translation>実行: %1 (時間倍率 %2)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="176"/>
        <location filename="../../core/runreport.cpp" line="192"/>
        <location filename="../../core/runreport.cpp" line="272"/>
        <location filename="../../core/runreport.cpp" line="294"/>
        <source>makespan</source>
        <translation>総所要時間 (makespan)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="176"/>
        <location filename="../../core/runreport.cpp" line="197"/>
        <location filename="../../core/runreport.cpp" line="273"/>
        <location filename="../../core/runreport.cpp" line="298"/>
        <source>serial time</source>
        <translation>直列実行時間</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="176"/>
        <location filename="../../core/runreport.cpp" line="198"/>
        <location filename="../../core/runreport.cpp" line="273"/>
        <location filename="../../core/runreport.cpp" line="299"/>
        <source>speedup</source>
        <translation>高速化率</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="176"/>
        <location filename="../../core/runreport.cpp" line="199"/>
        <location filename="../../core/runreport.cpp" line="273"/>
        <location filename="../../core/runreport.cpp" line="302"/>
        <source>peak concurrency</source>
        <translation>最大同時実行数</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="177"/>
        <location filename="../../core/runreport.cpp" line="205"/>
        <location filename="../../core/runreport.cpp" line="274"/>
        <location filename="../../core/runreport.cpp" line="305"/>
        <source>mean wait</source>
        <translation>平均待ち時間</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="177"/>
        <location filename="../../core/runreport.cpp" line="211"/>
        <source>tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="177"/>
        <location filename="../../core/runreport.cpp" line="217"/>
        <location filename="../../core/runreport.cpp" line="275"/>
        <location filename="../../core/runreport.cpp" line="315"/>
        <source>retries</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="178"/>
        <location filename="../../core/runreport.cpp" line="224"/>
        <source>cores</source>
        <translation>コア数</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="180"/>
        <location filename="../../core/runreport.cpp" line="202"/>
        <source>gate %1 peak</source>
        <translation>ゲート %1 の最大</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="189"/>
        <source>(predicted %1)</source>
        <translation>(予測 %1)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="190"/>
        <source>(predicted %1, %2)</source>
        <translation>(予測 %1、%2)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="203"/>
        <source>%1 (limit %2)</source>
        <translation>%1 (制限 %2)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="206"/>
        <source>(max %1)</source>
        <translation>(最大 %1)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="212"/>
        <source>%1 ok, %2 failed, %3 cancelled</source>
        <translation>成功 %1、失敗 %2、キャンセル %3</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="218"/>
        <source>%1, rejected (429): %2</source>
        <translation>%1、拒否 (429): %2</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="225"/>
        <source>%1 (CPU-bound tasks share them: more running than cores makes each one slower)</source>
        <translation>%1 (CPU バウンドなタスクはコアを分け合います: コア数より多く実行すると 1 つ 1 つが遅くなります)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="237"/>
        <source>(the run did not complete as planned: %1 failed, %2 cancelled)</source>
        <translation>(実行は予定どおりに終わりませんでした: 失敗 %1、キャンセル %2)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="246"/>
        <source>(the recorded tasks did not start as soon as a thread was free: dependencies or idle time in the trace)</source>
        <translation>(記録されたタスクは、スレッドが空いてすぐには開始していません: トレース内の依存関係かアイドル時間によるものです)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="255"/>
        <source>(the prediction shares %1 cores among the CPU tasks; the rest is other load on the machine or CPU speed)</source>
        <translation>(予測は %1 コアを CPU タスクで分け合う前提です。残りの差はマシンの他の負荷か CPU の速度によるものです)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="260"/>
        <source>(faster than predicted: the record&apos;s clock or timers ran early)</source>
        <translation>(予測より速い: 記録の時計かタイマーが早く進みました)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="261"/>
        <source>(thread and timer overhead)</source>
        <translation>(スレッドとタイマーのオーバーヘッド)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="272"/>
        <location filename="../../core/runreport.cpp" line="296"/>
        <source>predicted makespan</source>
        <translation>予測総所要時間</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="272"/>
        <location filename="../../core/runreport.cpp" line="293"/>
        <source>pool threads</source>
        <translation>プールのスレッド数</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="274"/>
        <location filename="../../core/runreport.cpp" line="307"/>
        <source>max wait</source>
        <translation>最大待ち時間</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="275"/>
        <location filename="../../core/runreport.cpp" line="311"/>
        <source>tasks ok</source>
        <translation>成功したタスク</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="275"/>
        <location filename="../../core/runreport.cpp" line="317"/>
        <source>rejected (429)</source>
        <translation>拒否 (429)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="283"/>
        <source>comparison (time scale %1):</source>
        <translation>比較 (時間倍率 %1):</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="286"/>
        <source>difference</source>
        <translation>差</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="300"/>
        <source>%1 as fast</source>
        <translation>速さ %1</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="159"/>
        <source>%1 of %2 ran; %3 cancelled (%4 of them while running). The statistics cover what ran.</source>
        <translation>%2 個中 %1 個を実行、%3 個をキャンセル（うち %4 個は実行中）。統計は実行した分だけを対象にしています。</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="163"/>
        <source>%1 of %2 ran; %3 cancelled. The statistics cover what ran.</source>
        <translation>%2 個中 %1 個を実行、%3 個をキャンセル。統計は実行した分だけを対象にしています。</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="177"/>
        <location filename="../../core/runreport.cpp" line="207"/>
        <location filename="../../core/runreport.cpp" line="274"/>
        <location filename="../../core/runreport.cpp" line="309"/>
        <source>mean completion</source>
        <translation>平均完了時間</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="185"/>
        <source>(predicted %1 for the whole batch; not compared, since not every task ran)</source>
        <translation>(全体の予測 %1。全タスクが実行されていないため比較しません)</translation>
    </message>
    <message>
        <location filename="../../core/runreport.cpp" line="209"/>
        <source>(finish - submit, over the %1 tasks that ran to their end)</source>
        <translation>(終了 - 投入、最後まで実行した %1 個のタスクの平均)</translation>
    </message>
</context>
<context>
    <name>SafeFile</name>
    <message>
        <location filename="../../core/safefile.cpp" line="14"/>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; に書き込めません: %2</translation>
    </message>
    <message>
        <location filename="../../core/safefile.cpp" line="25"/>
        <source>no file name given</source>
        <translation>ファイル名が指定されていません</translation>
    </message>
    <message>
        <location filename="../../core/safefile.cpp" line="30"/>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <location filename="../../core/safefile.cpp" line="50"/>
        <source>the folder &quot;%1&quot; does not exist</source>
        <translation>フォルダー &quot;%1&quot; が存在しません</translation>
    </message>
    <message>
        <location filename="../../core/safefile.cpp" line="55"/>
        <source>&quot;%1&quot; is not a folder</source>
        <translation>&quot;%1&quot; はフォルダーではありません</translation>
    </message>
    <message>
        <location filename="../../core/safefile.cpp" line="69"/>
        <source>the data could not be written completely</source>
        <translation>データを最後まで書き込めませんでした</translation>
    </message>
</context>
<context>
    <name>ScenarioFile</name>
    <message>
        <location filename="../../core/scenariofile.cpp" line="34"/>
        <source>a boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="36"/>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="38"/>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="40"/>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="42"/>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="46"/>
        <source>missing</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="59"/>
        <source>%1&quot;%2&quot; must be a number, not %3</source>
        <translation>%1&quot;%2&quot; は数値でなければなりません（%3 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="65"/>
        <source>%1&quot;%2&quot; is %3, out of range (%4 to %5)</source>
        <translation>%1&quot;%2&quot; の %3 は範囲外です（%4〜%5）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="82"/>
        <source>%1&quot;%2&quot; must be a string, not %3</source>
        <translation>%1&quot;%2&quot; は文字列でなければなりません（%3 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="97"/>
        <source>&quot;%1&quot; must be null or a whole number from 1 to %2, not %3</source>
        <translation>&quot;%1&quot; は null か 1〜%2 の整数でなければなりません（%3 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="133"/>
        <source>&quot;gates&quot; must be an object such as {&quot;cpu&quot;: 2}, not %1</source>
        <translation>&quot;gates&quot; は {&quot;cpu&quot;: 2} のようなオブジェクトでなければなりません（%1 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="140"/>
        <source>too many gates: %1 (at most %2)</source>
        <translation>ゲートが多すぎます: %1 個（最大 %2 個）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="158"/>
        <source>gate &quot;%1&quot; must be a whole number from 1 to %2 or &quot;cores&quot;, not %3</source>
        <translation>ゲート &quot;%1&quot; は 1〜%2 の整数か &quot;cores&quot; でなければなりません（%3 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="181"/>
        <source>&quot;server&quot; must be an object such as {&quot;capacity&quot;: 4, &quot;max_in_flight&quot;: 8}, not %1</source>
        <translation>&quot;server&quot; は {&quot;capacity&quot;: 4, &quot;max_in_flight&quot;: 8} のようなオブジェクトでなければなりません（%1 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="190"/>
        <source>&quot;server&quot;: unknown field &quot;%1&quot; (capacity, max_in_flight, latency)</source>
        <translation>&quot;server&quot;: 不明なフィールド &quot;%1&quot;（capacity、max_in_flight、latency のいずれか）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="200"/>
        <source>&quot;server&quot;: &quot;capacity&quot; is %1, must be more than 0 (leave it out or null for no limit)</source>
        <translation>&quot;server&quot;: &quot;capacity&quot; が %1 です。0 より大きくなければなりません（制限しないときは省略するか null にしてください）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="216"/>
        <source>&quot;server&quot;: &quot;max_in_flight&quot; must be null or a whole number from 1 to %1, not %2</source>
        <translation>&quot;server&quot;: &quot;max_in_flight&quot; は null か 1〜%1 の整数でなければなりません（%2 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="239"/>
        <source>&quot;seed&quot; must be a whole number from 0 to 4294967295, not %1</source>
        <translation>&quot;seed&quot; は 0〜4294967295 の整数でなければなりません（%1 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="259"/>
        <source>&quot;url&quot; &quot;%1&quot;: s=%2 is not a service time in seconds (0 to %3)</source>
        <translation>&quot;url&quot; の &quot;%1&quot;: s=%2 は秒単位のサービス時間ではありません（0〜%3）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="265"/>
        <source>(missing)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="278"/>
        <source>the file is too large (%1 bytes, at most %2)</source>
        <translation>ファイルが大きすぎます（%1 バイト、最大 %2）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="285"/>
        <source>not valid JSON at byte %1: %2</source>
        <translation>%1 バイト目が正しい JSON ではありません: %2</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="290"/>
        <source>the top level must be an object with &quot;version&quot; and &quot;tasks&quot;</source>
        <translation>最上位は &quot;version&quot; と &quot;tasks&quot; を持つオブジェクトでなければなりません</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="296"/>
        <source>&quot;version&quot; must be the number %1, not %2</source>
        <translation>&quot;version&quot; は数値 %1 でなければなりません（%2 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="301"/>
        <source>unsupported version %1 (this TaskLanes reads version %2)</source>
        <translation>対応していないバージョン %1 です（この TaskLanes が読めるのはバージョン %2 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="308"/>
        <location filename="../../core/scenariofile.cpp" line="376"/>
        <source>unknown field &quot;%1&quot;</source>
        <translation>不明なフィールド &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="336"/>
        <source>&quot;admission&quot; must be &quot;fifo&quot; or &quot;in-task&quot;, not %1</source>
        <translation>&quot;admission&quot; は &quot;fifo&quot; か &quot;in-task&quot; でなければなりません（%1 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="352"/>
        <source>&quot;tasks&quot; must be an array, not %1</source>
        <translation>&quot;tasks&quot; は配列でなければなりません（%1 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="357"/>
        <source>&quot;tasks&quot; is empty</source>
        <translation>&quot;tasks&quot; が空です</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="361"/>
        <source>too many tasks: %1 (at most %2)</source>
        <translation>タスクが多すぎます: %1 個（最大 %2 個）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="368"/>
        <source>task %1: </source>
        <translation>タスク %1: </translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="370"/>
        <source>must be an object, not %1</source>
        <translation>オブジェクトでなければなりません（%1 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="385"/>
        <source>&quot;kind&quot; is missing (sleep, cpu or http)</source>
        <translation>&quot;kind&quot; がありません（sleep、cpu、http のいずれか）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="390"/>
        <source>unknown kind &quot;%1&quot; (sleep, cpu or http)</source>
        <translation>不明な種類 &quot;%1&quot;（sleep、cpu、http のいずれか）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="404"/>
        <source>unknown gate &quot;%1&quot; (not in &quot;gates&quot;)</source>
        <translation>不明なゲート &quot;%1&quot;（&quot;gates&quot; にありません）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="422"/>
        <source>&quot;url&quot; is missing (an http task needs one)</source>
        <translation>&quot;url&quot; がありません（http タスクには必要です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="431"/>
        <source>&quot;url&quot; &quot;%1&quot; is not an http(s) URL or local:/path</source>
        <translation>&quot;url&quot; の &quot;%1&quot; は http(s) の URL でも local:/path でもありません</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="442"/>
        <source>&quot;duration&quot; %1 differs from the service time s=%2 of local:/work</source>
        <translation>&quot;duration&quot; の %1 が local:/work のサービス時間 s=%2 と異なります</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="454"/>
        <source>&quot;retries&quot; must be a whole number from 0 to %1, not %2</source>
        <translation>&quot;retries&quot; は 0〜%1 の整数でなければなりません（%2 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="474"/>
        <source>&quot;%1&quot; is only for http tasks (this one is %2)</source>
        <translation>&quot;%1&quot; は http タスク専用です（このタスクは %2 です）</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="480"/>
        <source>&quot;duration&quot; is missing</source>
        <translation>&quot;duration&quot; がありません</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="495"/>
        <source>&quot;%1&quot; is a folder</source>
        <translation>&quot;%1&quot; はフォルダーです</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="499"/>
        <source>cannot open &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; を開けません: %2</translation>
    </message>
    <message>
        <location filename="../../core/scenariofile.cpp" line="503"/>
        <source>&quot;%1&quot; is too large (%2 bytes, at most %3)</source>
        <translation>&quot;%1&quot; が大きすぎます（%2 バイト、最大 %3）</translation>
    </message>
</context>
<context>
    <name>ScenarioParser</name>
    <message>
        <location filename="../../core/scenario.cpp" line="82"/>
        <source>is not a finite number</source>
        <translation>は有限の数ではありません</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="84"/>
        <source>is not a decimal number (hexadecimal is not accepted)</source>
        <translation>は 10 進数ではありません（16 進数は使えません）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="88"/>
        <source>contains non-ASCII digits (use 0-9)</source>
        <translation>に ASCII 以外の数字が含まれています（0-9 を使ってください）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="91"/>
        <source>contains a full-width comma (use &quot;,&quot;)</source>
        <translation>に全角の読点かカンマが含まれています（&quot;,&quot; を使ってください）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="94"/>
        <source>contains a full-width period (use &quot;.&quot;)</source>
        <translation>に全角のピリオドが含まれています（&quot;.&quot; を使ってください）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="97"/>
        <source>is not a number</source>
        <translation>は数値ではありません</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="104"/>
        <location filename="../../core/scenario.cpp" line="397"/>
        <location filename="../../ui/taskeditor.cpp" line="51"/>
        <source>%1 is empty</source>
        <translation>%1が空です</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="112"/>
        <source>%1 %2 is not a whole number</source>
        <translation>%1 %2 は整数ではありません</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="119"/>
        <source>%1 %2 is too large</source>
        <translation>%1 %2 は大きすぎます</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="378"/>
        <source>no durations given (expected a list like 5,1,8,3,4)</source>
        <translation>所要時間が指定されていません（5,1,8,3,4 のようなリストを指定してください）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="384"/>
        <source>too many tasks: %1 (at most %2)</source>
        <translation>タスクが多すぎます: %1 個（最大 %2 個）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="395"/>
        <location filename="../../ui/taskeditor.cpp" line="34"/>
        <location filename="../../ui/taskeditor.cpp" line="48"/>
        <location filename="../../ui/taskeditor.cpp" line="52"/>
        <location filename="../../ui/taskmodel.cpp" line="34"/>
        <source>item %1</source>
        <translation>%1 番目の値</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="406"/>
        <source>%1 %2 is too long (at most %3 characters)</source>
        <translation>%1 %2 は長すぎます（最大 %3 文字）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="414"/>
        <location filename="../../core/scenario.cpp" line="424"/>
        <source>%1 %2 is too large (at most %3 s)</source>
        <translation>%1 %2 は大きすぎます（最大 %3 秒）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="419"/>
        <source>%1 %2 is negative</source>
        <translation>%1 %2 は負の値です</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="472"/>
        <source>limit</source>
        <translation>並列数</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="476"/>
        <source>limit %1 is out of range (1 to %2)</source>
        <translation>並列数 %1 は範囲外です（1〜%2）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="485"/>
        <source>threads</source>
        <translation>スレッド数</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="489"/>
        <source>threads %1 is out of range (1 to %2)</source>
        <translation>スレッド数 %1 は範囲外です（1〜%2）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="500"/>
        <source>admission %1 is not fifo or in-task</source>
        <translation>許可の取り方 %1 は fifo でも in-task でもありません</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="507"/>
        <source>a gate name is empty</source>
        <translation>ゲート名が空です</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="511"/>
        <source>gate name %1 is too long (%2 characters, at most %3)</source>
        <translation>ゲート名 %1 は長すぎます（%2 文字、最大 %3 文字）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="519"/>
        <source>gate name %1 contains &apos;=&apos;, &apos;,&apos; or a control character</source>
        <translation>ゲート名 %1 に &apos;=&apos;、&apos;,&apos; または制御文字が含まれています</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="530"/>
        <source>%1 is not NAME=N (for example cpu=2)</source>
        <translation>%1 は NAME=N の形ではありません（例: cpu=2）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="538"/>
        <source>gate %1</source>
        <translation>ゲート %1</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="542"/>
        <source>gate %1 limit %2 is out of range (1 to %3)</source>
        <translation>ゲート %1 の制限値 %2 は範囲外です（1〜%3）</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="555"/>
        <source>time scale is empty</source>
        <translation>時間倍率が空です</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="559"/>
        <source>time scale %1 %2</source>
        <translation>時間倍率 %1 %2</translation>
    </message>
    <message>
        <location filename="../../core/scenario.cpp" line="566"/>
        <source>time scale %1 is out of range (%2 to %3 real seconds per scenario second)</source>
        <translation>時間倍率 %1 は範囲外です（シナリオの 1 秒あたり実時間 %2〜%3 秒）</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <location filename="../../core/sweep.cpp" line="50"/>
        <source>%1 is not a range A..B or a list like 1,2,4,8</source>
        <translation>%1 は A..B の範囲でも 1,2,4,8 のようなリストでもありません</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="52"/>
        <source>%1: %2 is not a whole number</source>
        <translation>%1: %2 は整数ではありません</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="60"/>
        <source>%1: limits start at 1</source>
        <translation>%1: 並列数は 1 から始まります</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="61"/>
        <source>%1: %2 is above the largest limit, %3</source>
        <translation>%1: %2 は並列数の最大値 %3 を超えています</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="67"/>
        <source>%1 makes %2 limits, at most %3 (use --step or a list)</source>
        <translation>%1 では並列数が %2 個になります。最大 %3 個です（--step かリストを使ってください）</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="114"/>
        <source>step %1 is not a whole number from 1 to %2</source>
        <translation>ステップ %1 は 1〜%2 の整数ではありません</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="125"/>
        <source>no limits given (expected a range like 1..8 or a list like 1,2,4,8)</source>
        <translation>並列数が指定されていません（1..8 のような範囲か 1,2,4,8 のようなリストを指定してください）</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="153"/>
        <source>%1: the end is below the start</source>
        <translation>%1: 終わりが始まりより小さくなっています</translation>
    </message>
    <message>
        <location filename="../../core/sweep.cpp" line="166"/>
        <source>a step applies to a range A..B, not to the list %1</source>
        <translation>ステップは A..B の範囲に使うもので、リスト %1 には使えません</translation>
    </message>
</context>
<context>
    <name>SweepController</name>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="19"/>
        <source>S&amp;weep</source>
        <translation>スイープ(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="22"/>
        <source>Predict o&amp;nly</source>
        <translation>予測のみ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="38"/>
        <source>Sweep li&amp;mits:</source>
        <translation>スイープする並列数(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="41"/>
        <source>Sweep limits</source>
        <translation>スイープする並列数</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="42"/>
        <source>1..12 or 1,2,4,8</source>
        <translation>1..12 または 1,2,4,8</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="44"/>
        <source>The limits to sweep: a range such as 1..12 or a list such as 1,2,4,8</source>
        <translation>スイープする並列数: 1..12 のような範囲か 1,2,4,8 のようなリスト</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="50"/>
        <source>Predict every limit&apos;s schedule at once instead of running the tasks once per limit</source>
        <translation>タスクを並列数ごとに実行する代わりに、すべての並列数のスケジュールを一度に予測します</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="129"/>
        <source>Run (or predict) the tasks once per limit and chart the makespan against the limit (%1)</source>
        <translation>タスクを並列数ごとに 1 回ずつ実行（または予測）し、並列数ごとの総所要時間をグラフにします（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/sweepcontroller.cpp" line="132"/>
        <source>Fix the sweep limits first: %1</source>
        <translation>先にスイープする並列数を直してください: %1</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="22"/>
        <source>Run the tasks for real at the limit chosen on the chart</source>
        <translation>グラフで選んだ並列数でタスクを実際に実行します</translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="113"/>
        <source>Run l&amp;imit %1</source>
        <translation>%1並列で実行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="113"/>
        <source>Run th&amp;is limit</source>
        <translation>この並列数で実行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="122"/>
        <source>No sweep yet.</source>
        <translation>まだスイープしていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweeppanel.cpp" line="128"/>
        <source>Sweeping %n task(s): %1 of %2 limits done.</source>
        <translation>
            <numerusform>タスク %n 個をスイープ中: %2 個中 %1 個の並列数が完了。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweeppanel.cpp" line="132"/>
        <source>Predicted sweep of %n task(s) over %1 limits.</source>
        <translation>
            <numerusform>タスク %n 個を %1 個の並列数で予測したスイープです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweeppanel.cpp" line="135"/>
        <source>Sweep of %n task(s) stopped after %1 of %2 limits.</source>
        <translation>
            <numerusform>タスク %n 個のスイープは %2 個中 %1 個の並列数で停止しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweeppanel.cpp" line="139"/>
        <source>Measured sweep of %n task(s) over %1 limits.</source>
        <translation>
            <numerusform>タスク %n 個を %1 個の並列数で実測したスイープです。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="146"/>
        <source>Best limit %1: makespan %2, mean completion %3.</source>
        <translation>最適な並列数 %1: 総所要時間 %2、平均完了時間 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="152"/>
        <source>Above limit %1 the makespan no longer drops by 5 %.</source>
        <translation>%1並列より上では、総所要時間はもう 5 % も短くなりません。</translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="155"/>
        <source>Click a point to see that limit&apos;s schedule.</source>
        <translation>点をクリックすると、その並列数のスケジュールが表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/sweeppanel.cpp" line="157"/>
        <source>The tasks have changed since: sweep again to update it.</source>
        <translation>その後タスクが変更されました: 更新するにはもう一度スイープしてください。</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../../ui/sweepview.cpp" line="98"/>
        <source>Limit sweep chart</source>
        <translation>並列数のスイープのグラフ</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="170"/>
        <source>No sweep yet. Sweep the limits to see where a limit pays off.</source>
        <translation>まだスイープしていません。並列数をスイープすると、どの並列数から効果が出るかがわかります。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweepview.cpp" line="173"/>
        <source>%n limit(s) swept, from %1 to %2.</source>
        <translation>
            <numerusform>%1〜%2 の %n 個の並列数をスイープしました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="178"/>
        <source>Best limit %1: makespan %2, mean completion %3.</source>
        <translation>最適な並列数 %1: 総所要時間 %2、平均完了時間 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="182"/>
        <source>Knee at limit %1.</source>
        <translation>屈曲点は %1並列です。</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="231"/>
        <location filename="../../ui/sweepview.cpp" line="233"/>
        <source>Makespan (predicted)</source>
        <translation>総所要時間（予測）</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="231"/>
        <source>Makespan (measured)</source>
        <translation>総所要時間（実測）</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="235"/>
        <source>Mean completion (predicted)</source>
        <translation>平均完了時間（予測）</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="235"/>
        <source>Mean completion</source>
        <translation>平均完了時間</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="237"/>
        <source>Failed tasks</source>
        <translation>失敗したタスク</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="324"/>
        <source>Limit %1</source>
        <translation>%1並列</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="327"/>
        <location filename="../../ui/sweepview.cpp" line="338"/>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="329"/>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="331"/>
        <source>best</source>
        <translation>最適</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="333"/>
        <source>knee</source>
        <translation>屈曲点</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="335"/>
        <source>makespan (predicted)</source>
        <translation>総所要時間（予測）</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="335"/>
        <source>makespan</source>
        <translation>総所要時間</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="339"/>
        <source>mean completion</source>
        <translation>平均完了時間</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="340"/>
        <source>mean wait</source>
        <translation>平均待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="341"/>
        <source>max wait</source>
        <translation>最大待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="342"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="343"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="344"/>
        <source>retries</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="346"/>
        <source>rejected (429)</source>
        <translation>拒否 (429)</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="349"/>
        <source>Click to see this limit&apos;s schedule</source>
        <translation>クリックすると、この並列数のスケジュールが表示されます</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="465"/>
        <source>Sweep the limits to see where a limit pays off</source>
        <translation>並列数をスイープすると、どの並列数から効果が出るかがわかります</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="467"/>
        <source>Enter limits beside Sweep in the toolbar (such as 1..12 or 1,2,4,8) and press Sweep: each limit is run, or predicted at once with “Predict only”. The chart then shows the makespan and the mean completion time per limit.</source>
        <translation>ツールバーのスイープの横に並列数（1..12 や 1,2,4,8 など）を入力してスイープを押してください。並列数ごとに実行します（「予測のみ」なら一度に予測します）。グラフには並列数ごとの総所要時間と平均完了時間が表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="522"/>
        <source>best: %1</source>
        <translation>最適: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="522"/>
        <source>best: %1 (knee)</source>
        <translation>最適: %1（屈曲点）</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="539"/>
        <source>knee: %1</source>
        <translation>屈曲点: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="596"/>
        <source>Concurrency limit</source>
        <translation>並列数の上限</translation>
    </message>
    <message>
        <location filename="../../ui/sweepview.cpp" line="723"/>
        <source>Waiting for the first limit’s run…</source>
        <translation>最初の並列数の実行を待っています…</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message numerus="yes">
        <location filename="../../ui/taskeditor.cpp" line="58"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(ほか %n 件)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="140"/>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="146"/>
        <source>e.g. 5,1,8,3,4</source>
        <translation>例: 5,1,8,3,4</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="148"/>
        <source>Task durations in seconds, comma separated, in submission order</source>
        <translation>タスクの所要時間（秒）を投入順にカンマ区切りで</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="149"/>
        <source>&amp;Durations (s):</source>
        <translation>所要時間 (秒)(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="181"/>
        <source>&amp;Add Task</source>
        <translation>タスクを追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="183"/>
        <source>Add a task after the selected one</source>
        <translation>選択したタスクの後にタスクを追加します</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="184"/>
        <source>&amp;Remove Task</source>
        <translation>タスクを削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="187"/>
        <source>Remove the selected tasks</source>
        <translation>選択したタスクを削除します</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="188"/>
        <source>Move &amp;Up</source>
        <translation>上へ移動(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="191"/>
        <source>Submit the selected task earlier</source>
        <translation>選択したタスクを前に投入します</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="192"/>
        <source>Move Do&amp;wn</source>
        <translation>下へ移動(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="195"/>
        <source>Submit the selected task later</source>
        <translation>選択したタスクを後に投入します</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="202"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="203"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="204"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="205"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../ui/taskeditor.cpp" line="301"/>
        <source>Durations: %1</source>
        <translation>所要時間: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/taskeditor.cpp" line="457"/>
        <source>%n task(s), %1 of work</source>
        <translation>
            <numerusform>タスク %n 個、処理時間の合計 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskLabel</name>
    <message>
        <location filename="../../ui/timeline/tasklabel.h" line="16"/>
        <source>GET %1</source>
        <translation>GET %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/tasklabel.h" line="18"/>
        <source>cpu %1 s</source>
        <translation>CPU %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/tasklabel.h" line="24"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="25"/>
        <source>duration is empty</source>
        <translation>所要時間が空です</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="27"/>
        <source>duration &quot;%1&quot; holds more than one value (one per row; use the durations field for a list)</source>
        <translation>所要時間 &quot;%1&quot; に複数の値があります（1 行に 1 つです。リストは所要時間の欄に入力してください）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="37"/>
        <source>duration %1</source>
        <translation>所要時間 %1</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="45"/>
        <source>an http task needs a URL (type one in the URL column)</source>
        <translation>http タスクには URL が必要です（URL 列に入力してください）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="52"/>
        <source>URL &quot;%1&quot; is not an http:// or https:// address, nor local:/path</source>
        <translation>URL &quot;%1&quot; は http:// や https:// のアドレスでも local:/path でもありません</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="139"/>
        <location filename="../../ui/taskmodel.cpp" line="256"/>
        <source>Task %1 cannot run: %2</source>
        <translation>タスク %1 は実行できません: %2</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="142"/>
        <source>Named after its duration; type a name to change it</source>
        <translation>所要時間から名前が付いています。入力すると変更できます</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="146"/>
        <source>GET %1 (timeout %2 s)</source>
        <translation>GET %1（タイムアウト %2 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="147"/>
        <source>What the task does when it runs</source>
        <translation>実行時にタスクが行う処理</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="149"/>
        <location filename="../../ui/taskmodel.cpp" line="279"/>
        <source>Duration in scenario seconds</source>
        <translation>シナリオ上の所要時間（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="152"/>
        <source>What the http task fetches: http(s)://host/path, or local:/path on the embedded server</source>
        <translation>http タスクが取得するもの: http(s)://host/path、または組み込みサーバーの local:/path</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="154"/>
        <source>Only http tasks fetch a URL: set the kind to http first</source>
        <translation>URL を取得するのは http タスクだけです: 先に種類を http にしてください</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="156"/>
        <source>Optional result of the task (shown instead of its duration)</source>
        <translation>タスクの結果（省略可。所要時間の代わりに表示されます）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="257"/>
        <source>Task %1, submitted in this order</source>
        <translation>タスク %1（この順に投入）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="266"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="268"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="270"/>
        <source>Duration (s)</source>
        <translation>所要時間 (秒)</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="272"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="274"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="281"/>
        <source>What an http task fetches (editable for http tasks)</source>
        <translation>http タスクが取得するもの（http タスクでは編集できます）</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="451"/>
        <source>Add at least one task.</source>
        <translation>タスクを 1 つ以上追加してください。</translation>
    </message>
    <message>
        <location filename="../../ui/taskmodel.cpp" line="457"/>
        <source>Task %1: %2</source>
        <translation>タスク %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/taskmodel.cpp" line="459"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(ほか %n 件)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/taskmodel.cpp" line="517"/>
        <source>the label is longer than %n characters</source>
        <translation>
            <numerusform>ラベルが %n 文字を超えています</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/taskmodel.cpp" line="521"/>
        <source>the message is longer than %n characters</source>
        <translation>
            <numerusform>メッセージが %n 文字を超えています</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../core/taskrunner.cpp" line="189"/>
        <source>the local endpoint is not running</source>
        <translation>ローカルエンドポイントが動いていません</translation>
    </message>
    <message>
        <location filename="../../core/taskrunner.cpp" line="193"/>
        <source>invalid URL &quot;%1&quot;</source>
        <translation>不正な URL &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../core/taskrunner.cpp" line="156"/>
        <location filename="../../core/taskrunner.cpp" line="221"/>
        <source>timeout after %1 s (real time)</source>
        <translation>%1 秒（実時間）でタイムアウトしました</translation>
    </message>
    <message>
        <location filename="../../core/taskrunner.cpp" line="170"/>
        <source>connection closed after %1 of %2 bytes</source>
        <translation>%2 バイト中 %1 バイトで接続が切れました</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/taskrunner.cpp" line="228"/>
        <source>%1 after %n attempts</source>
        <translation>
            <numerusform>%1（%n 回試行した後）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/taskrunner.cpp" line="317"/>
        <source>unknown task kind</source>
        <translation>不明なタスクの種類</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <location filename="../../core/runrecord.cpp" line="31"/>
        <source>pending</source>
        <translation>未開始</translation>
    </message>
    <message>
        <location filename="../../core/runrecord.cpp" line="33"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../../core/runrecord.cpp" line="35"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../core/runrecord.cpp" line="37"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../core/runrecord.cpp" line="39"/>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>TimelineMath</name>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="236"/>
        <location filename="../../ui/timeline/timelinemath.h" line="276"/>
        <location filename="../../ui/timeline/timelinemath.h" line="306"/>
        <source>0 s</source>
        <translation>0 秒</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="245"/>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="248"/>
        <source>%1 d</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="250"/>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="253"/>
        <source>%1 h</source>
        <translation>%1 時間</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="255"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="258"/>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="260"/>
        <location filename="../../ui/timeline/timelinemath.h" line="277"/>
        <location filename="../../ui/timeline/timelinemath.h" line="310"/>
        <location filename="../../ui/timeline/timelinemath.h" line="327"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="269"/>
        <location filename="../../ui/timeline/timelinemath.h" line="316"/>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="271"/>
        <location filename="../../ui/timeline/timelinemath.h" line="314"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="273"/>
        <location filename="../../ui/timeline/timelinemath.h" line="312"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="292"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemath.h" line="326"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TimelineOverview</name>
    <message>
        <location filename="../../ui/timelineoverview.cpp" line="40"/>
        <source>Timeline overview</source>
        <translation>タイムラインの概要</translation>
    </message>
    <message>
        <location filename="../../ui/timelineoverview.cpp" line="41"/>
        <source>The whole run; drag the window to move through it.</source>
        <translation>実行全体です。ウィンドウをドラッグして移動できます。</translation>
    </message>
</context>
<context>
    <name>TimelineRenderer</name>
    <message>
        <location filename="../../ui/timeline/timelinechartpass.cpp" line="271"/>
        <source>1 core</source>
        <translation>1 コア</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinechartpass.cpp" line="272"/>
        <source>%1 cores</source>
        <translation>%1 コア</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinechartpass.cpp" line="343"/>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="29"/>
        <source>concurrency</source>
        <translation>同時実行数</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinechartpass.cpp" line="268"/>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="31"/>
        <source>limit %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelabelspass.cpp" line="51"/>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="60"/>
        <source>worker %1</source>
        <translation>ワーカー %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="105"/>
        <source>wait</source>
        <translation>待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="107"/>
        <source>run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="108"/>
        <source>CPU task</source>
        <translation>CPU タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="109"/>
        <source>HTTP task</source>
        <translation>HTTP タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="110"/>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="111"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="112"/>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="113"/>
        <source>running tasks</source>
        <translation>実行中のタスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="114"/>
        <source>waiting tasks</source>
        <translation>待ち中のタスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="115"/>
        <source>limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="116"/>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="49"/>
        <source>1 task</source>
        <translation>1 タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="50"/>
        <source>%1 tasks</source>
        <translation>%1 タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="64"/>
        <source>makespan %1</source>
        <translation>総所要時間 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="70"/>
        <source>running, %1 of %2 done</source>
        <translation>実行中、%2 個中 %1 個完了</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="73"/>
        <source>%1 of %2 done</source>
        <translation>%2 個中 %1 個完了</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="77"/>
        <source>predicted %1</source>
        <translation>予測 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="58"/>
        <source>pool of 1 thread</source>
        <translation>スレッド 1 個のプール</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="54"/>
        <source>1 thread in the recording</source>
        <translation>記録では 1 スレッド</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="55"/>
        <source>%1 threads in the recording</source>
        <translation>記録では %1 スレッド</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="59"/>
        <source>pool of %1 threads</source>
        <translation>スレッド %1 個のプール</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="62"/>
        <source>in-task admission</source>
        <translation>タスク内で許可を取得</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="68"/>
        <source>not run yet</source>
        <translation>まだ実行していません</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="80"/>
        <source>peak %1 running</source>
        <translation>最大同時実行 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="82"/>
        <source>%1 failed</source>
        <translation>失敗 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineheaderpass.cpp" line="84"/>
        <source>%1 cancelled</source>
        <translation>キャンセル %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineaxispass.cpp" line="53"/>
        <source>tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineaxispass.cpp" line="53"/>
        <source>workers</source>
        <translation>ワーカー</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinerenderer.cpp" line="143"/>
        <source>No run to show yet</source>
        <translation>表示する実行はまだありません</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinechartpass.cpp" line="278"/>
        <location filename="../../ui/timeline/timelinechartpass.cpp" line="282"/>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="43"/>
        <source>%1 ≤ %2</source>
        <translation>%1 ≤ %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinelayout.cpp" line="106"/>
        <source>holding a thread, waiting for a permit</source>
        <translation>スレッドを保持したまま許可待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinebarlabelspass.cpp" line="161"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemakespanpass.cpp" line="98"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemakespanpass.cpp" line="102"/>
        <location filename="../../ui/timeline/timelinemakespanpass.cpp" line="109"/>
        <source>%1 predicted %2</source>
        <translation>%1 予測 %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemakespanpass.cpp" line="114"/>
        <source>serial %1</source>
        <translation>直列 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemakespanpass.cpp" line="162"/>
        <source>makespan</source>
        <translation>総所要時間</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelinemakespanpass.cpp" line="201"/>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineprintedpass.cpp" line="100"/>
        <source>printed</source>
        <translation>出力</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="68"/>
        <source>at</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="69"/>
        <location filename="../../ui/timelinetooltip.cpp" line="101"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="70"/>
        <source>waiting</source>
        <translation>待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="91"/>
        <source>%1, never started</source>
        <translation>%1（開始されず）</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="93"/>
        <location filename="../../ui/timelinetooltip.cpp" line="124"/>
        <source>%1 so far</source>
        <translation>現在まで %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="95"/>
        <location filename="../../ui/timelinetooltip.cpp" line="103"/>
        <location filename="../../ui/timelinetooltip.cpp" line="132"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="96"/>
        <source>not started</source>
        <translation>未開始</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="101"/>
        <source>running for %1</source>
        <translation>%1 実行中</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="107"/>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="108"/>
        <source>duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="110"/>
        <source>took</source>
        <translation>実行時間</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="113"/>
        <source>waited</source>
        <translation>待ち時間</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="129"/>
        <source>at %1</source>
        <translation>時刻 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="130"/>
        <source>started</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="131"/>
        <source>finished</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="134"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="135"/>
        <source>worker</source>
        <translation>ワーカー</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="136"/>
        <source>status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="142"/>
        <source>attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="144"/>
        <source>rejected (429)</source>
        <translation>拒否 (429)</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="147"/>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="151"/>
        <source>details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="156"/>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="157"/>
        <source>%1 to %2</source>
        <translation>%1 〜 %2</translation>
    </message>
    <message>
        <location filename="../../ui/timelineview.cpp" line="262"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location filename="../../ui/timelineview.cpp" line="263"/>
        <source>Ctrl+wheel or +/- zooms, the wheel (zoomed in), Shift+wheel, drag or Left/Right pan, the wheel scrolls lanes otherwise, Alt+wheel changes the lane height, F or Ctrl+0 fits, Ctrl+Home goes back to the start. Click or Up/Down, Page Up/Down, Home/End select a task, Enter shows its details.</source>
        <translation>Ctrl+ホイールか +/- で拡大・縮小、ホイール（拡大時）、Shift+ホイール、ドラッグ、←/→ で横に移動、それ以外ではホイールでレーンをスクロール、Alt+ホイールでレーンの高さを変更、F か Ctrl+0 で全体表示、Ctrl+Home で先頭に戻ります。クリックか ↑/↓、Page Up/Down、Home/End でタスクを選択し、Enter で詳細を表示します。</translation>
    </message>
    <message>
        <location filename="../../ui/timelineview.cpp" line="777"/>
        <source>Task #%1</source>
        <translation>タスク #%1</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="76"/>
        <source>%1 of %2 running</source>
        <translation>%2 個中 %1 個実行中</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="112"/>
        <source>gate</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="121"/>
        <source>for a thread</source>
        <translation>スレッド待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timelinetooltip.cpp" line="123"/>
        <source>holding it, for a permit</source>
        <translation>スレッド保持中の許可待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="261"/>
        <source>1 task</source>
        <translation>1 タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="261"/>
        <source>%1 tasks</source>
        <translation>%1 タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="263"/>
        <source>makespan %1</source>
        <translation>総所要時間 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="265"/>
        <source>not run yet</source>
        <translation>まだ実行していません</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="267"/>
        <source>%1 of %2 done</source>
        <translation>%2 個中 %1 個完了</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="270"/>
        <source>peak %1 running</source>
        <translation>最大同時実行 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="272"/>
        <source>at most %1 waiting</source>
        <translation>最大待ち %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="274"/>
        <source>%1 running, %2 waiting</source>
        <translation>実行中 %1、待ち %2</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="277"/>
        <source>%1 failed</source>
        <translation>失敗 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="279"/>
        <source>%1 cancelled</source>
        <translation>キャンセル %1</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="280"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="280"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="286"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="288"/>
        <source>%1, not submitted</source>
        <translation>%1、未投入</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="290"/>
        <source>%1, waiting for %2</source>
        <translation>%1、%2 待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="291"/>
        <source>%1, waiting</source>
        <translation>%1、待ち</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="293"/>
        <source>%1, waited %2, never started, %3</source>
        <translation>%1、待ち時間 %2、開始されず、%3</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="297"/>
        <source>%1, waited %2, running since %3</source>
        <translation>%1、待ち時間 %2、%3 から実行中</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="298"/>
        <source>%1, waited %2, ran %3 to %4, %5</source>
        <translation>%1、待ち時間 %2、%3 〜 %4 に実行、%5</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="302"/>
        <source>%1, result %2</source>
        <translation>%1、結果 %2</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="358"/>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="408"/>
        <source>; </source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../../ui/timelineaccessible.cpp" line="470"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/taskwaitreason.cpp" line="105"/>
        <source>waiting for a permit (limit %1)</source>
        <translation>許可待ち（上限 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/taskwaitreason.cpp" line="108"/>
        <source>waiting for the %1 gate (%2)</source>
        <translation>%1 ゲート待ち（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/taskwaitreason.cpp" line="111"/>
        <source>waiting for a pool thread (%1)</source>
        <translation>プールのスレッド待ち（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/timeline/taskwaitreason.cpp" line="122"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/timeline/taskwaitreason.cpp" line="126"/>
        <source>%1 and %2</source>
        <translation>%1 と %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/taskwaitreason.cpp" line="129"/>
        <source>%1, held by %2</source>
        <translation>%1（保持: %2）</translation>
    </message>
</context>
<context>
    <name>TraceImport</name>
    <message>
        <location filename="../../core/traceimport.cpp" line="36"/>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="38"/>
        <source>the text is not valid UTF-8</source>
        <translation>テキストが正しい UTF-8 ではありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="40"/>
        <source>a string is never closed</source>
        <translation>文字列が閉じられていません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="42"/>
        <source>objects and lists are nested more than %1 deep</source>
        <translation>オブジェクトとリストの入れ子が %1 段を超えています</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="46"/>
        <source>the text is too large</source>
        <translation>テキストが大きすぎます</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="48"/>
        <source>a number cannot be read</source>
        <translation>数値を読み取れません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="52"/>
        <source>a word that is not true, false or null</source>
        <translation>true、false、null のどれでもない語があります</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="54"/>
        <source>a string with a bad escape</source>
        <translation>不正なエスケープを含む文字列があります</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="56"/>
        <source>the text ends before its lists and objects are closed (truncated?)</source>
        <translation>リストとオブジェクトが閉じる前にテキストが終わっています（途中で切れている可能性があります）</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="60"/>
        <source>not valid JSON (%1)</source>
        <translation>正しい JSON ではありません（%1）</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="69"/>
        <location filename="../../core/traceimport.cpp" line="222"/>
        <location filename="../../core/traceimport.cpp" line="706"/>
        <source>byte %1: %2</source>
        <translation>%1 バイト目: %2</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="71"/>
        <location filename="../../core/traceimport.cpp" line="189"/>
        <source>text after the end of the trace</source>
        <translation>トレースの終わりの後にテキストがあります</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="156"/>
        <source>&quot;traceEvents&quot; is not a list of events</source>
        <translation>&quot;traceEvents&quot; がイベントのリストではありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="173"/>
        <source>not a trace: the object has no &quot;traceEvents&quot; list</source>
        <translation>トレースではありません: オブジェクトに &quot;traceEvents&quot; のリストがありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="179"/>
        <source>not a trace: expected a list of events or an object with &quot;traceEvents&quot;</source>
        <translation>トレースではありません: イベントのリストか、&quot;traceEvents&quot; を持つオブジェクトが必要です</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="193"/>
        <source>no events: the list of trace events is empty</source>
        <translation>イベントがありません: トレースイベントのリストが空です</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="239"/>
        <source>event %1 (byte %2): %3</source>
        <translation>イベント %1（%2 バイト目）: %3</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="328"/>
        <source>&quot;%1&quot; is neither a number nor a string</source>
        <translation>&quot;%1&quot; が数値でも文字列でもありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="387"/>
        <source>&quot;%1&quot; is missing</source>
        <translation>&quot;%1&quot; がありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="391"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; が数値ではありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="394"/>
        <source>&quot;%1&quot; is negative (%2)</source>
        <translation>&quot;%1&quot; が負の値です（%2）</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="400"/>
        <source>&quot;%1&quot; is too large (%2 µs)</source>
        <translation>&quot;%1&quot; が大きすぎます（%2 µs）</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="439"/>
        <source>is not an object</source>
        <translation>オブジェクトではありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="454"/>
        <source>&quot;ph&quot; is not a string</source>
        <translation>&quot;ph&quot; が文字列ではありません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="566"/>
        <source>E at %1 µs ends before its B (event %2) begins</source>
        <translation>%1 µs の E が、対応する B（イベント %2）の開始より前に終わっています</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="647"/>
        <source>the selection &quot;%1&quot; is not a valid regular expression: %2 at character %3</source>
        <translation>選択条件 &quot;%1&quot; は正しい正規表現ではありません（%3 文字目: %2）</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="658"/>
        <source>the depth %1 is negative</source>
        <translation>深さ %1 が負の値です</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="663"/>
        <source>the trace is too large (%1 MiB, at most %2 MiB)</source>
        <translation>トレースが大きすぎます（%1 MiB、最大 %2 MiB）</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="690"/>
        <source>not enough memory to read the trace</source>
        <translation>トレースを読み込むためのメモリーが足りません</translation>
    </message>
    <message>
        <location filename="../../core/traceimport.cpp" line="716"/>
        <source>no complete slice (an X event with its dur, or a B with its E) in %1 events</source>
        <translation>%1 個のイベントに完全なスライス（dur のある X イベント、または E と対になる B）がありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="38"/>
        <source>its tasklanes_run args are not an object</source>
        <translation>tasklanes_run の args がオブジェクトではありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="50"/>
        <source>its tasklanes_run args lack limit, threads, time_scale or tasks, or have them out of range</source>
        <translation>tasklanes_run の args に limit、threads、time_scale、tasks のいずれかがないか、範囲外です</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="63"/>
        <source>unknown admission &quot;%1&quot;</source>
        <translation>不明な許可の取り方 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="87"/>
        <source>its gates are not an object</source>
        <translation>gates がオブジェクトではありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="94"/>
        <location filename="../../core/tasklanestrace.cpp" line="148"/>
        <source>bad gate &quot;%1&quot;</source>
        <translation>不正なゲート &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="117"/>
        <source>unknown run name &quot;%1&quot;</source>
        <translation>不明な実行名 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="127"/>
        <source>its process_labels &quot;%1&quot; cannot be read</source>
        <translation>process_labels &quot;%1&quot; を読み取れません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="135"/>
        <source>its time scale &quot;%1&quot; is out of range</source>
        <translation>時間倍率 &quot;%1&quot; が範囲外です</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="140"/>
        <source>too many tasks (%1)</source>
        <translation>タスクが多すぎます（%1 個）</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="155"/>
        <source>its pool of %1 threads is out of range</source>
        <translation>プールのスレッド数 %1 が範囲外です</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="244"/>
        <source>a TaskLanes trace of %1 runs (at most %2: a single run or a comparison)</source>
        <translation>%1 個の実行を含む TaskLanes トレースです（最大 %2: 単独の実行か比較）</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="263"/>
        <source>run &quot;%1&quot;: %2</source>
        <translation>実行 &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="275"/>
        <source>it holds no task</source>
        <translation>タスクがひとつもありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="286"/>
        <source>a slice on thread %1, which is not a task number (1 to %2)</source>
        <translation>スレッド %1 にスライスがありますが、これはタスク番号（1〜%2）ではありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="320"/>
        <source>task %1: %2</source>
        <translation>タスク %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="325"/>
        <source>no wait or run slice (was the trace written while the run went on?)</source>
        <translation>待ちのスライスも実行のスライスもありません（実行中に書き出されたトレースかもしれません）</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="329"/>
        <source>the args of its slice are not an object</source>
        <translation>スライスの args がオブジェクトではありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="338"/>
        <source>no known kind in its args</source>
        <translation>args に既知の kind がありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="340"/>
        <source>no duration_s in range in its args</source>
        <translation>args に範囲内の duration_s がありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="344"/>
        <source>no known status in its args</source>
        <translation>args に既知の status がありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="347"/>
        <source>its status is %1: only finished runs can be opened</source>
        <translation>status が %1 です: 開けるのは終わった実行だけです</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="351"/>
        <source>no worker in range in its args</source>
        <translation>args に範囲内の worker がありません</translation>
    </message>
    <message>
        <location filename="../../core/tasklanestrace.cpp" line="398"/>
        <source>a TaskLanes trace without a run</source>
        <translation>実行を含まない TaskLanes トレースです</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="80"/>
        <source>no slice at nesting depth %1 (the deepest is %2)</source>
        <translation>入れ子の深さ %1 にスライスがありません（最も深いのは %2 です）</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="85"/>
        <source>no slice at depth %1 has a name or category that matches &quot;%2&quot;</source>
        <translation>深さ %1 に、名前かカテゴリーが &quot;%2&quot; に一致するスライスがありません</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="93"/>
        <source>%1 slices would become tasks, more than %2: take fewer with a selection or another depth</source>
        <translation>%1 個のスライスがタスクになり、上限の %2 を超えます: 選択条件か別の深さで数を減らしてください</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="224"/>
        <source>counter event</source>
        <translation>カウンターイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="225"/>
        <source>counter events</source>
        <translation>カウンターイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="227"/>
        <source>instant event</source>
        <translation>インスタントイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="228"/>
        <source>instant events</source>
        <translation>インスタントイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="230"/>
        <source>flow event</source>
        <translation>フローイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="231"/>
        <source>flow events</source>
        <translation>フローイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="234"/>
        <source>async event</source>
        <translation>非同期イベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="235"/>
        <source>async events</source>
        <translation>非同期イベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="237"/>
        <source>object event</source>
        <translation>オブジェクトイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="238"/>
        <source>object events</source>
        <translation>オブジェクトイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="240"/>
        <source>sample event</source>
        <translation>サンプルイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="241"/>
        <source>sample events</source>
        <translation>サンプルイベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="243"/>
        <source>event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="244"/>
        <source>events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="245"/>
        <source>%1 %2 (%3)</source>
        <translation>%2 %1 件（%3）</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="248"/>
        <source>no phase</source>
        <translation>ph なし</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="252"/>
        <source>%1 B without E</source>
        <translation>E のない B %1 件</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="254"/>
        <source>%1 E without B</source>
        <translation>B のない E %1 件</translation>
    </message>
    <message>
        <location filename="../../core/tracerecorded.cpp" line="257"/>
        <source>skipped %1</source>
        <translation>%1 をスキップしました</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <location filename="../../core/translations.cpp" line="89"/>
        <source>--lang needs a value (%1)</source>
        <translation>--lang には値が必要です（%1）</translation>
    </message>
    <message>
        <location filename="../../core/translations.cpp" line="99"/>
        <source>--lang: &quot;%1&quot; is not a known language (%2)</source>
        <translation>--lang: &quot;%1&quot; は対応している言語ではありません（%2）</translation>
    </message>
</context>
<context>
    <name>UiHelpers</name>
    <message>
        <location filename="../../ui/uihelpers.cpp" line="30"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/uihelpers.cpp" line="72"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/uihelpers.cpp" line="92"/>
        <source>1 s = %1 s</source>
        <translation>1 秒 = %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/uihelpers.cpp" line="93"/>
        <source>1 s = %1 ms</source>
        <translation>1 秒 = %1 ms</translation>
    </message>
</context>
<context>
    <name>WhatIfBar</name>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="16"/>
        <source>&amp;What if: limit</source>
        <translation>仮定: 並列数(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="18"/>
        <source>Predict</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="19"/>
        <source>Clear What-If</source>
        <translation>予測を消去</translation>
    </message>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="28"/>
        <source>What-if limit</source>
        <translation>仮定の並列数</translation>
    </message>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="29"/>
        <source>Predict the shown run under this concurrency limit from its recorded durations, and compare the two (Enter predicts)</source>
        <translation>表示中の実行を、記録された所要時間をもとにこの並列数で予測し、両者を比較します（Enter で予測）</translation>
    </message>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="33"/>
        <source>Show the prediction beside the recorded run in the timeline and the summary</source>
        <translation>タイムラインとサマリーに、実行記録と並べて予測を表示します</translation>
    </message>
    <message>
        <location filename="../../ui/whatifbar.cpp" line="37"/>
        <source>Show the recorded run alone again</source>
        <translation>実行記録だけの表示に戻します</translation>
    </message>
</context>
</TS>
