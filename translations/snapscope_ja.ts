<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccessGate</name>
    <message>
        <source>support</source>
        <translation>サポート</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>アナリスト</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>Needs the %1 role; this login is %2.</source>
        <translation>%1ロールが必要です。このログインは%2です。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Who</source>
        <translation>実行者</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>日時 (%1)</translation>
    </message>
</context>
<context>
    <name>AuditLogPanel</name>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>実行者(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>開始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>終了(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>監査ログをエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1 にエクスポートしました</translation>
    </message>
</context>
<context>
    <name>CaseAssembler</name>
    <message>
        <source>order id</source>
        <translation>注文 ID</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>顧客 ID</translation>
    </message>
    <message>
        <source>chat session</source>
        <translation>チャットセッション</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話番号</translation>
    </message>
</context>
<context>
    <name>CaseHitModel</name>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>一致した項目</translation>
    </message>
    <message>
        <source>Created (%1)</source>
        <translation>作成日時 (%1)</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>status %1</source>
        <translation>ステータス %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>合計 %1</translation>
    </message>
    <message>
        <source>status %1 → %2</source>
        <translation>ステータス %1 → %2</translation>
    </message>
    <message>
        <source>total %1 → %2</source>
        <translation>合計 %1 → %2</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>メッセージ %1 件</translation>
    </message>
    <message>
        <source>handed off</source>
        <translation>引き継ぎ済み</translation>
    </message>
    <message>
        <source>order created</source>
        <translation>注文作成済み</translation>
    </message>
    <message>
        <source>satisfaction %1/5</source>
        <translation>満足度 %1/5</translation>
    </message>
    <message>
        <source>%1 events replayed</source>
        <translation>%1 件のイベントを再生</translation>
    </message>
    <message>
        <source>snapshot %1 + %2 events</source>
        <translation>スナップショット %1 + イベント %2 件</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>スナップショット %1</translation>
    </message>
</context>
<context>
    <name>CaseTimelineModel</name>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>在庫移動</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>財務</translation>
    </message>
    <message>
        <source>What</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Triggered by</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>時刻 (%1)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>&amp;Find a case:</source>
        <translation>ケースを検索(&amp;F):</translation>
    </message>
    <message>
        <source>Order id, customer id, chat session id or phone number (or its first digits)</source>
        <translation>注文 ID、顧客 ID、チャットセッション ID、または電話番号(先頭の数字だけでも可)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>表示する</translation>
    </message>
    <message>
        <source>Show one masked contact detail of the customer (recorded in the audit log)</source>
        <translation>マスクされた顧客の連絡先を 1 項目表示します(監査ログに記録されます)</translation>
    </message>
    <message>
        <source>&amp;Compare with previous</source>
        <translation>前のバージョンと比較(&amp;C)</translation>
    </message>
    <message>
        <source>Compare the selected snapshot with its entity&apos;s previous version</source>
        <translation>選択したスナップショットを同じエンティティの前のバージョンと比較します</translation>
    </message>
    <message>
        <source>Legal &amp;hold…</source>
        <translation>リーガルホールド(&amp;H)…</translation>
    </message>
    <message>
        <source>Pin every snapshot of the case so that no cleanup removes it</source>
        <translation>ケースのすべてのスナップショットを固定し、クリーンアップで削除されないようにします</translation>
    </message>
    <message>
        <source>&amp;Lift hold…</source>
        <translation>ホールドを解除(&amp;L)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>PDF をエクスポート(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;bundle…</source>
        <translation>バンドルをエクスポート(&amp;B)…</translation>
    </message>
    <message>
        <source>The case&apos;s snapshots exactly as stored, with a manifest of checksums (.ndjson.zst); snapscope-cli verify --bundle re-checks it. Contact details are not masked in it: the checksums cover them.</source>
        <translation>保存されたままのケースのスナップショットとチェックサムのマニフェスト(.ndjson.zst)。snapscope-cli verify --bundle で再検証できます。チェックサムの対象であるため、連絡先はマスクされません。</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>時点(&amp;A):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <source>Move through the case&apos;s snapshots (arrow keys)</source>
        <translation>ケースのスナップショットを移動します(矢印キー)</translation>
    </message>
    <message>
        <source>Merged timeline</source>
        <translation>統合タイムライン</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>在庫移動</translation>
    </message>
    <message>
        <source>Financial records</source>
        <translation>財務記録</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>Reveal %1</source>
        <translation>%1 を表示</translation>
    </message>
    <message>
        <source>Search for an order, a customer, a chat session or a phone number.</source>
        <translation>注文、顧客、チャットセッション、または電話番号で検索してください。</translation>
    </message>
    <message>
        <source>Could not search for &quot;%1&quot;: %2</source>
        <translation>「%1」を検索できませんでした: %2</translation>
    </message>
    <message>
        <source>No order matches &quot;%1&quot;.</source>
        <translation>「%1」に一致する注文はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) match &quot;%1&quot;.</source>
        <translation>
            <numerusform>「%1」に一致する注文が %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Could not open case %1: %2</source>
        <translation>ケース %1 を開けませんでした: %2</translation>
    </message>
    <message>
        <source>Could not rebuild the case at that moment: %1</source>
        <translation>その時点のケースを再構築できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 snapshots had been taken</source>
        <translation>
            <numerusform>%1 件中 %n 件のスナップショットが作成済み</numerusform>
        </translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:#8a4b00&apos;&gt;on legal hold&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:#8a4b00&apos;&gt;リーガルホールド中&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:#8a4b00&apos;&gt;%1 of %2 snapshots on legal hold&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:#8a4b00&apos;&gt;%2 件中 %1 件がリーガルホールド中&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; · %2 %3 · phone %4 · email %5&lt;br&gt;address %6&lt;br&gt;%7 order, %8 chat, %9 stock and %10 financial snapshots%11</source>
        <translation>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; · %2 %3 · 電話 %4 · メール %5&lt;br&gt;住所 %6&lt;br&gt;注文 %7 件、チャット %8 件、在庫 %9 件、財務 %10 件のスナップショット%11</translation>
    </message>
    <message>
        <source>&lt;p&gt;As of %1 the order had not been created yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 の時点では注文はまだ作成されていません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;As of &lt;b&gt;%1&lt;/b&gt;: %2 · version %3 · %4 ms&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; 時点: %2 · バージョン %3 · %4 ミリ秒&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Order — %n field(s) changed since the previous position</source>
        <translation>
            <numerusform>注文 — 前の位置から %n 項目が変更</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;No chat session led to this order.&lt;/p&gt;</source>
        <translation>&lt;p&gt;この注文につながったチャットセッションはありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: had not started by %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 の時点では未開始です。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · %4 messages&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · メッセージ %4 件&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Intents: %1&lt;br&gt;AI confidence %2 (%3)&lt;br&gt;Hand-off to a person: %4&lt;br&gt;Satisfaction: %5&lt;br&gt;Outcome: %6&lt;/p&gt;</source>
        <translation>&lt;p&gt;意図: %1&lt;br&gt;AI の確信度 %2 (%3)&lt;br&gt;担当者への引き継ぎ: %4&lt;br&gt;満足度: %5&lt;br&gt;結果: %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>yes (%1)</source>
        <translation>あり (%1)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>not rated yet</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>order %1 for %2</source>
        <translation>注文 %1(%2)</translation>
    </message>
    <message>
        <source>no order yet</source>
        <translation>注文なし</translation>
    </message>
    <message>
        <source> · confidence %1</source>
        <translation> · 確信度 %1</translation>
    </message>
    <message>
        <source>The %1 stays masked: revealing it could not be recorded in the audit log (%2).</source>
        <translation>%1 はマスクされたままです: 表示を監査ログに記録できませんでした(%2)。</translation>
    </message>
    <message>
        <source>The customer&apos;s %1 is shown for case %2 (recorded in the audit log).</source>
        <translation>ケース %2 の顧客の %1 を表示しました(監査ログに記録済み)。</translation>
    </message>
    <message>
        <source>%1 v%2 is the first version: there is nothing before it to compare with.</source>
        <translation>%1 v%2 は最初のバージョンのため、比較する前のバージョンがありません。</translation>
    </message>
    <message>
        <source>Select a snapshot of the case first.</source>
        <translation>先にケースのスナップショットを選択してください。</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>リーガルホールド</translation>
    </message>
    <message>
        <source>Lift the legal hold</source>
        <translation>リーガルホールドを解除</translation>
    </message>
    <message numerus="yes">
        <source>Why must the %n snapshot(s) of case %1 be kept? (recorded in the audit log)</source>
        <translation>
            <numerusform>ケース %1 のスナップショット %n 件を保持する理由は?(監査ログに記録されます)</numerusform>
        </translation>
    </message>
    <message>
        <source>Why may the snapshots of case %1 be cleaned up again? (recorded in the audit log)</source>
        <translation>ケース %1 のスナップショットを再びクリーンアップ対象にする理由は?(監査ログに記録されます)</translation>
    </message>
    <message>
        <source>Reason needed</source>
        <translation>理由が必要です</translation>
    </message>
    <message>
        <source>A legal hold or its release needs a reason.</source>
        <translation>リーガルホールドの設定と解除には理由が必要です。</translation>
    </message>
    <message>
        <source>Legal hold not changed</source>
        <translation>リーガルホールドは変更されていません</translation>
    </message>
    <message numerus="yes">
        <source>Case %1: %n snapshot(s) on legal hold.</source>
        <translation>
            <numerusform>ケース %1: %n 件のスナップショットをリーガルホールドにしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Case %1: the legal hold is lifted.</source>
        <translation>ケース %1: リーガルホールドを解除しました。</translation>
    </message>
    <message>
        <source>Export the case as PDF</source>
        <translation>ケースを PDF にエクスポート</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting case %1…</source>
        <translation>ケース %1 をエクスポートしています…</translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation>PDF は作成されませんでした</translation>
    </message>
    <message>
        <source>Wrote %1: every snapshot verified.</source>
        <translation>%1 を書き出しました: すべてのスナップショットを検証済みです。</translation>
    </message>
    <message>
        <source>Wrote %1: %2 snapshot(s) FAILED verification (named in the report).</source>
        <translation>%1 を書き出しました: %2 件のスナップショットが検証に失敗しました(レポートに記載)。</translation>
    </message>
    <message>
        <source>Export the case&apos;s evidence bundle</source>
        <translation>ケースの証拠バンドルをエクスポート</translation>
    </message>
    <message>
        <source>Evidence bundles (*.ndjson.zst)</source>
        <translation>証拠バンドル (*.ndjson.zst)</translation>
    </message>
    <message>
        <source>Exporting the bundle of case %1…</source>
        <translation>ケース %1 のバンドルをエクスポートしています…</translation>
    </message>
    <message>
        <source>Bundle not written</source>
        <translation>バンドルは作成されませんでした</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n snapshot(s) to %1; snapscope-cli verify --bundle re-checks it.</source>
        <translation>
            <numerusform>%n 件のスナップショットを %1 に書き出しました。snapscope-cli verify --bundle で再検証できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;As of (%1):</source>
        <translation>時点(&amp;A) (%1):</translation>
    </message>
    <message>
        <source>The %1 stays withheld: the order&apos;s state at this moment comes from its events alone, and only a snapshot&apos;s details can be revealed.</source>
        <translation>%1 は非公開のままです: この時点の注文の状態はイベントのみから得られたもので、公開できるのはスナップショットの詳細だけです。</translation>
    </message>
    <message>
        <source>The %1 stays withheld: an event after snapshot %2 may have changed it, and only a snapshot&apos;s details can be revealed.</source>
        <translation>%1 は非公開のままです: スナップショット %2 の後のイベントで変わった可能性があり、公開できるのはスナップショットの詳細だけです。</translation>
    </message>
</context>
<context>
    <name>ChangeListModel</name>
    <message>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Where (JSON Pointer)</source>
        <translation>場所 (JSON Pointer)</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>旧値</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新値</translation>
    </message>
</context>
<context>
    <name>ChartTools</name>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>過去 90 日間</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>先月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>過去 12 か月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>グラフをエクスポート</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 を書き込めません。</translation>
    </message>
    <message>
        <source>Export the series</source>
        <translation>系列をエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>a month on a chart&apos;s time axis</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>a day on a chart&apos;s time axis, with the year</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a day on a chart&apos;s time axis</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>%1 (a business day in %2)</source>
        <translation>%1 (%2 の営業日)</translation>
    </message>
    <message>
        <source>%1 to %2 (business days in %3)</source>
        <translation>%1 〜 %2 (%3 の営業日)</translation>
    </message>
    <message>
        <source>%1 (business days in %2)</source>
        <translation>%1 (%2 の営業日)</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>a month in a chart&apos;s tooltip</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>日別</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>週別</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>月別</translation>
    </message>
    <message>
        <source>%1 to %2, %3, business days in %4</source>
        <translation>%1 〜 %2、%3、%4 の営業日</translation>
    </message>
</context>
<context>
    <name>ChatChartView</name>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation>ズームをリセット(&amp;Z)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>表(&amp;A)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>The chat snapshots counted (the specification&apos;s chat performance query uses session_ended)</source>
        <translation>集計するチャットのスナップショット(仕様のチャット実績クエリは session_ended を使用)</translation>
    </message>
    <message>
        <source>The measure drawn as a line on the right axis</source>
        <translation>右軸に折れ線で表示する指標</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>すべてのプラットフォーム</translation>
    </message>
    <message>
        <source>With or without hand-off</source>
        <translation>引き継ぎの有無を問わない</translation>
    </message>
    <message>
        <source>Handed off to a human</source>
        <translation>担当者に引き継ぎ</translation>
    </message>
    <message>
        <source>AI only</source>
        <translation>AI のみ</translation>
    </message>
    <message>
        <source>Conversion rate (%)</source>
        <translation>コンバージョン率 (%)</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>平均注文額</translation>
    </message>
    <message>
        <source>Average duration (s)</source>
        <translation>平均所要時間 (秒)</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>平均満足度</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>日別</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>週別</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>期間の終わりが始まりより前です。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the series: %1</source>
        <translation>系列を読み込めません: %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話数</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>コンバージョン</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>コンバージョン率</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>No %1 chat snapshots from %2 to %3 (business days in %4).</source>
        <translation>%2 〜 %3 (%4 の営業日) に %1 のチャットスナップショットはありません。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 periods · %2 conversations · %3 converted (%4) · business days in %5</source>
        <translation>%1 期間 · 会話 %2 件 · コンバージョン %3 件 (%4) · %5 の営業日</translation>
    </message>
    <message>
        <source>no conversations</source>
        <translation>会話なし</translation>
    </message>
    <message>
        <source>%1 conversations, %2 converted (%3)
average order value %4 · duration %5 s · satisfaction %6
LINE %7 · Facebook %8 · WhatsApp %9</source>
        <translation>会話 %1 件、コンバージョン %2 件 (%3)
平均注文額 %4 · 所要時間 %5 秒 · 満足度 %6
LINE %7 · Facebook %8 · WhatsApp %9</translation>
    </message>
    <message>
        <source>%1 snapshots</source>
        <translation>%1 スナップショット</translation>
    </message>
    <message>
        <source>all platforms</source>
        <translation>すべてのプラットフォーム</translation>
    </message>
    <message>
        <source>platform %1</source>
        <translation>プラットフォーム %1</translation>
    </message>
    <message>
        <source>with or without hand-off</source>
        <translation>引き継ぎの有無を問わない</translation>
    </message>
    <message>
        <source>handed off to a human</source>
        <translation>担当者に引き継ぎ</translation>
    </message>
    <message>
        <source>right axis: %1</source>
        <translation>右軸: %1</translation>
    </message>
    <message>
        <source>Chat conversion · %1</source>
        <translation>チャットコンバージョン · %1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>フィルター: %1</translation>
    </message>
    <message>
        <source>&amp;Training data…</source>
        <translation>AI 学習データ(&amp;T)…</translation>
    </message>
    <message>
        <source>Export chat snapshots as AI training data (JSON lines, contact details masked)</source>
        <translation>チャットのスナップショットを AI 学習データとして書き出す(JSON Lines、連絡先はマスク)</translation>
    </message>
    <message>
        <source>Export AI Training Data</source>
        <translation>AI 学習データの書き出し</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting training data…</source>
        <translation>学習データを書き出しています…</translation>
    </message>
    <message>
        <source>The training export was cancelled; nothing was written.</source>
        <translation>学習データの書き出しを取り消しました。何も書き出していません。</translation>
    </message>
    <message>
        <source>The training export failed: %1</source>
        <translation>学習データを書き出せませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n training record(s) to %1 (of %2 chat snapshots read).</source>
        <translation>
            <numerusform>%n 件の学習データを %1 に書き出しました(読み込んだチャットのスナップショット %2 件中)。</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the %1 chat snapshots read matched: %2 is empty.</source>
        <translation>読み込んだチャットのスナップショット %1 件に該当するものはありません。%2 は空です。</translation>
    </message>
</context>
<context>
    <name>CleanupPreviewDialog</name>
    <message>
        <source>Cleanup plan</source>
        <translation>クリーンアップ計画</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Write an archive first:</source>
        <translation>先にアーカイブを書き出す(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 snapshots (%3) go to the trash; %4 snapshots (%5) stay.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 件のスナップショット (%3) をゴミ箱へ移動し、%4 件 (%5) を残します。</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>stays,</source>
        <translation>残す,</translation>
    </message>
    <message>
        <source>goes,</source>
        <translation>削除,</translation>
    </message>
    <message>
        <source>What goes</source>
        <translation>削除されるもの</translation>
    </message>
    <message>
        <source>What stays</source>
        <translation>残るもの</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>%1 をゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <source>Snapshot archives (*.ndjson.zst)</source>
        <translation>スナップショットアーカイブ (*.ndjson.zst)</translation>
    </message>
    <message>
        <source>Clean up %1</source>
        <translation>%1 をクリーンアップ</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>ポリシーを保存</translation>
    </message>
    <message>
        <source>Save the %1 policy</source>
        <translation>%1 のポリシーを保存</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>&amp;Hide unchanged</source>
        <translation>変更なしを隠す(&amp;H)</translation>
    </message>
    <message>
        <source>Export &amp;patch…</source>
        <translation>パッチをエクスポート(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>レポートをエクスポート(&amp;R)…</translation>
    </message>
    <message>
        <source>Select two snapshots in the timeline and choose Compare, or use Compare with previous (Ctrl+D).</source>
        <translation>タイムラインで 2 つのスナップショットを選んで「比較」を選ぶか、「前のバージョンと比較」(Ctrl+D) を使います。</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>次の変更</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>前の変更</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>比較しています…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot compare.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;比較できません。&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>レイアウトしています…</translation>
    </message>
    <message>
        <source>⋯ %1 unchanged lines</source>
        <translation>⋯ 変更のない %1 行</translation>
    </message>
    <message>
        <source>Export the patch</source>
        <translation>パッチをエクスポート</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>レポートをエクスポート</translation>
    </message>
    <message>
        <source>JSON Patch (*.json)</source>
        <translation>JSON Patch (*.json)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>%1 &amp;nbsp;→&amp;nbsp; %2 &amp;nbsp;(%3)</source>
        <translation>%1 &amp;nbsp;→&amp;nbsp; %2 &amp;nbsp;(%3)</translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit log, so nothing was written: %1</source>
        <translation>エクスポートを監査ログに記録できなかったため、何も書き込んでいません: %1</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>変更 %1、追加 %2、削除 %3</translation>
    </message>
    <message>
        <source>, %1 moved</source>
        <translation>、移動 %1</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a snapshot store</source>
        <translation>スナップショットストアに接続</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>最近の接続(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;SQLite file</source>
        <translation>SQLite ファイル(&amp;S)</translation>
    </message>
    <message>
        <source>/path/to/snapshots.sqlite</source>
        <translation>/path/to/snapshots.sqlite</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New file…</source>
        <translation>新規ファイル(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty SnapScope database if the file does not exist</source>
        <translation>ファイルがなければ空の SnapScope データベースを作成します</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL</source>
        <translation>PostgreSQL(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>ホスト(&amp;H)</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>ポート(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>データベース(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>ユーザー(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>パスワード(&amp;W)</translation>
    </message>
    <message>
        <source>empty: SNAPSCOPE_PGPASSWORD or ~/.pgpass</source>
        <translation>空欄: SNAPSCOPE_PGPASSWORD または ~/.pgpass</translation>
    </message>
    <message>
        <source>SSL &amp;mode</source>
        <translation>SSL モード(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続をテスト(&amp;T)</translation>
    </message>
    <message>
        <source>(choose a recent connection)</source>
        <translation>(最近の接続を選択)</translation>
    </message>
    <message>
        <source>Open a SnapScope database</source>
        <translation>SnapScope データベースを開く</translation>
    </message>
    <message>
        <source>Create a SnapScope database</source>
        <translation>SnapScope データベースを作成</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>データベースファイルを選択してください。</translation>
    </message>
    <message>
        <source>Host, database and user are needed.</source>
        <translation>ホスト、データベース、ユーザーが必要です。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;Cannot connect.&lt;/b&gt;&lt;/span&gt; %1</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;接続できません。&lt;/b&gt;&lt;/span&gt; %1</translation>
    </message>
    <message>
        <source>Connected: a SnapScope database (schema version %1).</source>
        <translation>接続しました: SnapScope データベース(スキーマバージョン %1)。</translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>スナップショット</translation>
    </message>
    <message>
        <source>Last snapshot (%1)</source>
        <translation>最新スナップショット (%1)</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <source>Replayed onto the snapshot to reach the state shown</source>
        <translation>表示中の状態にするためスナップショットに再適用したもの</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>連番</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>パッチ</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>時刻 (%1)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&amp;Tenant</source>
        <translation>テナント(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <source>Snapshot types to list (none checked: every type)</source>
        <translation>一覧に含めるスナップショットのタイプ(未選択: すべて)</translation>
    </message>
    <message>
        <source>&amp;Entity</source>
        <translation>エンティティ(&amp;E)</translation>
    </message>
    <message>
        <source>id starts with…</source>
        <translation>ID の先頭…</translation>
    </message>
    <message>
        <source>Created &amp;by</source>
        <translation>作成者(&amp;B)</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>T&amp;aken</source>
        <translation>作成日時(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>開始(&amp;F)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>終了(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>フィルターをクリア(&amp;L)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>すべての期間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>過去 90 日間</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>先月</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>すべてのタイプ</translation>
    </message>
    <message>
        <source>%1 types</source>
        <translation>%1 タイプ</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Times in the filters and on the timeline are in the tenant&apos;s business time zone</source>
        <translation>フィルターとタイムラインの時刻はテナントの業務タイムゾーンです</translation>
    </message>
    <message>
        <source>Entity ids starting with this text, in any case</source>
        <translation>この文字列で始まるエンティティ ID(大文字と小文字を区別しない)</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>含む…</translation>
    </message>
    <message>
        <source>Creators whose name contains this text, in any case</source>
        <translation>名前にこの文字列を含む作成者(大文字と小文字を区別しない)</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>日付を選択</translation>
    </message>
    <message>
        <source>A day (2026-10-01, its midnight) or a day and time (2026-10-01 13:30) in %1</source>
        <translation>日付(2026-10-01 はその日の 0 時)または日時(2026-10-01 13:30)、%1 の時刻</translation>
    </message>
    <message>
        <source>Type a whole day, 2026-10-01, or a day and time, 2026-10-01 13:30</source>
        <translation>日付 2026-10-01、または日時 2026-10-01 13:30 の形で入力してください</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Snapshots</source>
        <translation>スナップショットのインポート</translation>
    </message>
    <message>
        <source>Snapshots as their systems export them (JSON lines, a JSON array or objects; plain, .gz or .zst): the SAAN tables&apos; rows, mongoexport output, event store snapshots, the account API&apos;s records, DynamoDB exports, or SnapScope envelopes. Records already stored are skipped.</source>
        <translation>各システムがエクスポートしたままのスナップショット（JSON Lines、JSON 配列またはオブジェクト。無圧縮、.gz、.zst）：SAAN のテーブル行、mongoexport の出力、イベントストアのスナップショット、アカウント API のレコード、DynamoDB のエクスポート、SnapScope のエンベロープ。保存済みのレコードはスキップされます。</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Default &amp;tenant:</source>
        <translation>既定のテナント(&amp;T):</translation>
    </message>
    <message>
        <source>For records that name no tenant. A tenant that does not exist yet is created.</source>
        <translation>テナントを指定しないレコード用。まだ存在しないテナントは作成されます。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>Times without an offset &amp;in:</source>
        <translation>オフセットのない時刻のタイムゾーン(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Skip bad records, to:</source>
        <translation>不正なレコードをスキップして書き出す先(&amp;S):</translation>
    </message>
    <message>
        <source>a file for the bad records and their reasons</source>
        <translation>不正なレコードとその理由を書き出すファイル</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>Recognise each record</source>
        <translation>レコードごとに判別</translation>
    </message>
    <message>
        <source>SnapScope envelope</source>
        <translation>SnapScope エンベロープ</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the tenant&apos;s business time zone</source>
        <translation>テナントの業務タイムゾーン</translation>
    </message>
    <message>
        <source>Exports (*.json *.jsonl *.ndjson *.gz *.zst);;All files (*)</source>
        <translation>エクスポート (*.json *.jsonl *.ndjson *.gz *.zst);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Bad Records</source>
        <translation>不正なレコード</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Preview: add the files to import.</source>
        <translation>プレビュー：インポートするファイルを追加してください。</translation>
    </message>
    <message>
        <source>Reading the first records…</source>
        <translation>最初のレコードを読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the files: %1</source>
        <translation>ファイルを読み込めません：%1</translation>
    </message>
    <message numerus="yes">
        <source>Preview of the first %n record(s): nothing is written yet.</source>
        <translation>
            <numerusform>最初の %n 件のプレビュー：まだ何も書き込まれていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview of the first %n record(s): %1 bad. Without “Skip bad records” the import stops at the first bad record and stores nothing.</source>
        <translation>
            <numerusform>最初の %n 件のプレビュー：不正 %1 件。「不正なレコードをスキップ」を選ばないと、インポートは最初の不正なレコードで止まり、何も保存しません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポート中…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %1: %n record(s) read</source>
        <translation>
            <numerusform>%1 をインポート中：%n 件読み込み済み</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored.</source>
        <translation>キャンセルしました：何も保存されていません。</translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>何も保存されていません：%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Imported %1 of %2 record(s) in %3 s; %4 already stored.</source>
        <translation>%2 件中 %1 件を %3 秒でインポートしました。保存済み %4 件。</translation>
    </message>
    <message>
        <source>By kind: %1.</source>
        <translation>種類別：%1。</translation>
    </message>
    <message>
        <source>%1 bad record(s) were written to %2.</source>
        <translation>不正なレコード %1 件を %2 に書き出しました。</translation>
    </message>
    <message>
        <source>New tenant(s): %1.</source>
        <translation>新しいテナント：%1。</translation>
    </message>
</context>
<context>
    <name>IngestPreviewModel</name>
    <message>
        <source>%1 (the source&apos;s)</source>
        <translation>%1（ソースの値）</translation>
    </message>
    <message>
        <source>by time</source>
        <translation>時刻順</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>テナント</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>取得日時</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
</context>
<context>
    <name>IntegrityPanel</name>
    <message>
        <source>Decompress every payload and check its SHA-256 in the background. Corrupt snapshots are listed with the reason and marked in the timeline; nothing is repaired automatically.</source>
        <translation>すべてのペイロードをバックグラウンドで展開し SHA-256 を確認します。破損したスナップショットは理由とともに一覧表示され、タイムラインに印が付きます。自動修復は行いません。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>Include the &amp;trash</source>
        <translation>ゴミ箱も含める(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>スナップショット</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>スキャンに失敗しました: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 snapshots: %3 corrupt.</source>
        <translation>%2 件中 %1 件で中止: 破損 %3 件。</translation>
    </message>
    <message>
        <source>Checked %1 of %2 snapshots: %3 corrupt.</source>
        <translation>%2 件中 %1 件を検査: 破損 %3 件。</translation>
    </message>
    <message>
        <source>Reading stopped, %1 not checked: %2</source>
        <translation>読み取りが止まり、%1 件は未検査: %2</translation>
    </message>
    <message>
        <source>Damaged: %1.</source>
        <translation>破損: %1。</translation>
    </message>
</context>
<context>
    <name>InventoryChartView</name>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation>ズームをリセット(&amp;Z)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>表(&amp;A)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>&amp;Previous period</source>
        <translation>前の期間(&amp;P)</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>すべての商品</translation>
    </message>
    <message>
        <source>One product</source>
        <translation>1 商品</translation>
    </message>
    <message>
        <source>Top N by value</source>
        <translation>金額上位 N</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>日別</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>週別</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>月別</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>期間の終わりが始まりより前です。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the series: %1</source>
        <translation>系列を読み込めません: %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期首在庫</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>期末在庫</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>入庫</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>出庫</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>調整</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>在庫金額</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Closing, previous period</source>
        <translation>期末在庫(前の期間)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>The store whose inventory is shown</source>
        <translation>在庫を表示する店舗</translation>
    </message>
    <message>
        <source>The product: type part of its id or choose it from the list</source>
        <translation>商品: ID の一部を入力するか一覧から選択</translation>
    </message>
    <message>
        <source>How many products: those with the largest stock value on the last day with data</source>
        <translation>商品数: データのある最終日の在庫金額が大きい順</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>すべての店舗</translation>
    </message>
    <message>
        <source>Product id</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Cannot list the stores and products: %1</source>
        <translation>店舗と商品を一覧できません: %1</translation>
    </message>
    <message>
        <source>There is no inventory for store “%1”.</source>
        <translation>店舗「%1」の在庫はありません。</translation>
    </message>
    <message>
        <source>There is no inventory for product “%1”. Type part of a product id and choose one of the %2 products in the list.</source>
        <translation>商品「%1」の在庫はありません。商品 ID の一部を入力し、一覧の %2 商品から選んでください。</translation>
    </message>
    <message>
        <source>No inventory data from %1 to %2 (business days in %3).</source>
        <translation>%1 〜 %2 (%3 の営業日) の在庫データはありません。</translation>
    </message>
    <message>
        <source>Stock value (%1)</source>
        <translation>在庫金額 (%1)</translation>
    </message>
    <message>
        <source>%1 periods, %2 with data · business days in %3</source>
        <translation>%1 期間、データあり %2 · %3 の営業日</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <source>opening %1 · closing %2
inbound %3 · outbound %4 · adjustments %5
stock value %6</source>
        <translation>期首在庫 %1 · 期末在庫 %2
入庫 %3 · 出庫 %4 · 調整 %5
在庫金額 %6</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>すべての店舗</translation>
    </message>
    <message>
        <source>store %1</source>
        <translation>店舗 %1</translation>
    </message>
    <message>
        <source>product %1</source>
        <translation>商品 %1</translation>
    </message>
    <message>
        <source>top %1 products by stock value</source>
        <translation>在庫金額上位 %1 商品</translation>
    </message>
    <message>
        <source>all products</source>
        <translation>すべての商品</translation>
    </message>
    <message>
        <source>with the previous period</source>
        <translation>前期間と比較</translation>
    </message>
    <message>
        <source>Inventory trends · %1</source>
        <translation>在庫推移 · %1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>フィルター: %1</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>(document)</source>
        <translation>(ドキュメント)</translation>
    </message>
    <message>
        <source>{1 member}</source>
        <translation>{1 メンバー}</translation>
    </message>
    <message>
        <source>{%1 members}</source>
        <translation>{%1 メンバー}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 要素]</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[%1 要素]</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Orders</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Store stock</source>
        <translation>店舗在庫</translation>
    </message>
    <message>
        <source>Chat conversations</source>
        <translation>チャット会話</translation>
    </message>
    <message>
        <source>Daily inventory</source>
        <translation>日次在庫</translation>
    </message>
    <message>
        <source>Inventory transactions</source>
        <translation>在庫取引</translation>
    </message>
    <message>
        <source>Financial records</source>
        <translation>財務記録</translation>
    </message>
    <message>
        <source>Customer tiers</source>
        <translation>顧客ランク</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Event-sourced aggregates</source>
        <translation>イベントソース集約</translation>
    </message>
    <message>
        <source>order id</source>
        <translation>注文ID</translation>
    </message>
    <message>
        <source>store code</source>
        <translation>店舗コード</translation>
    </message>
    <message>
        <source>chat session id</source>
        <translation>チャットセッションID</translation>
    </message>
    <message>
        <source>store:product</source>
        <translation>店舗:商品</translation>
    </message>
    <message>
        <source>product id</source>
        <translation>商品ID</translation>
    </message>
    <message>
        <source>day or payment id</source>
        <translation>日付または支払いID</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <source>account id</source>
        <translation>アカウントID</translation>
    </message>
    <message>
        <source>aggregate id</source>
        <translation>集約ID</translation>
    </message>
    <message>
        <source>Stock snapshot schedules</source>
        <translation>在庫スナップショットのスケジュール</translation>
    </message>
    <message>
        <source>tenant id</source>
        <translation>テナント ID</translation>
    </message>
    <message>
        <source>Cart operations</source>
        <translation>カート操作</translation>
    </message>
    <message>
        <source>Current stock levels</source>
        <translation>現在の在庫数</translation>
    </message>
    <message>
        <source>Search and browse activities</source>
        <translation>検索・閲覧</translation>
    </message>
    <message>
        <source>Individual chat messages</source>
        <translation>個々のチャットメッセージ</translation>
    </message>
</context>
<context>
    <name>KindDefinitionsDialog</name>
    <message>
        <source>Kinds of snapshot</source>
        <translation>スナップショットの種類</translation>
    </message>
    <message>
        <source>What SnapScope knows about each kind: the document shapes it reads and where each fact is. Definitions are read-only here; an admin imports or removes kinds with snapscope-cli kind.</source>
        <translation>SnapScope が各種類について知っていること: 読み取れるドキュメントの形と、各項目の場所。ここでは定義は読み取り専用です。管理者は snapscope-cli kind で種類を取り込み・削除します。</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定義</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) · %3</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>組み込み</translation>
    </message>
    <message>
        <source>imported into this database</source>
        <translation>このデータベースに取り込み済み</translation>
    </message>
    <message>
        <source>&lt;br&gt;Not worth a snapshot: %1</source>
        <translation>&lt;br&gt;スナップショットに値しない: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;The entity is the %1. Shapes read, in order:&lt;br&gt;%2</source>
        <translation>&lt;br&gt;エンティティは %1 です。読み取る形（順に）:&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>KindNavigator</name>
    <message>
        <source>Find entity (id starts with…)</source>
        <translation>エンティティを検索(ID の先頭…)</translation>
    </message>
    <message>
        <source>Select a kind to search its entities.</source>
        <translation>種類を選ぶとそのエンティティを検索できます。</translation>
    </message>
    <message>
        <source>%1: the first %2 entities (type more of the id to narrow)</source>
        <translation>%1: 最初の %2 件(ID をさらに入力して絞り込み)</translation>
    </message>
    <message>
        <source>%1: %2 entities</source>
        <translation>%1: %2 件</translation>
    </message>
</context>
<context>
    <name>KindStatsModel</name>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>スナップショット</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>元サイズ</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>保存サイズ</translation>
    </message>
    <message>
        <source>Stored / raw</source>
        <translation>保存 / 元</translation>
    </message>
</context>
<context>
    <name>LiveSourceModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2), tenant %3</source>
        <translation>%1（%2）、テナント %3</translation>
    </message>
    <message>
        <source>The newest row at the source less the newest synced, as of the last sync or test</source>
        <translation>ソースの最新行と同期済みの最新行の差（最後の同期またはテスト時点）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Rows synced</source>
        <translation>同期済みの行</translation>
    </message>
    <message>
        <source>Last sync (%1)</source>
        <translation>最終同期（%1）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>遅れ</translation>
    </message>
    <message>
        <source>Gone at source</source>
        <translation>ソースで削除済み</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SnapScope</source>
        <translation>SnapScope</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>スナップショット</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Storage by kind</source>
        <translation>種類別ストレージ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>接続(&amp;C)…</translation>
    </message>
    <message>
        <source>Open an SQLite file or connect to PostgreSQL</source>
        <translation>SQLite ファイルを開くか PostgreSQL に接続します</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>フィルター(&amp;F)…</translation>
    </message>
    <message>
        <source>Move to the timeline&apos;s filters</source>
        <translation>タイムラインのフィルターへ移動</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Compare selected</source>
        <translation>選択項目を比較(&amp;C)</translation>
    </message>
    <message>
        <source>Compare the two snapshots selected in the timeline</source>
        <translation>タイムラインで選択した 2 つのスナップショットを比較</translation>
    </message>
    <message>
        <source>Compare with &amp;previous</source>
        <translation>前のバージョンと比較(&amp;P)</translation>
    </message>
    <message>
        <source>Compare the snapshot in the inspector with the version before it</source>
        <translation>インスペクターのスナップショットを 1 つ前のバージョンと比較</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Entity timeline</source>
        <translation>エンティティのタイムライン(&amp;E)</translation>
    </message>
    <message>
        <source>Every version of the selected snapshot&apos;s entity</source>
        <translation>選択したスナップショットのエンティティの全バージョン</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Older version</source>
        <translation>古いバージョン(&amp;O)</translation>
    </message>
    <message>
        <source>The previous version of the entity shown in the inspector</source>
        <translation>インスペクターに表示中のエンティティの前のバージョン</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>&amp;Newer version</source>
        <translation>新しいバージョン(&amp;N)</translation>
    </message>
    <message>
        <source>The next version of the entity shown in the inspector</source>
        <translation>インスペクターに表示中のエンティティの次のバージョン</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>&amp;About SnapScope</source>
        <translation>SnapScope について(&amp;A)</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>ナビゲーター</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>インスペクター</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Chat conversion</source>
        <translation>チャットコンバージョン</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>メンテナンス</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>ケース</translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation>比較しました: %1</translation>
    </message>
    <message>
        <source>About SnapScope</source>
        <translation>SnapScope について</translation>
    </message>
    <message>
        <source>&lt;b&gt;SnapScope %1&lt;/b&gt;&lt;p&gt;A console for business snapshots on SQLite and PostgreSQL.&lt;/p&gt;</source>
        <translation>&lt;b&gt;SnapScope %1&lt;/b&gt;&lt;p&gt;SQLite と PostgreSQL 上の業務スナップショットのためのコンソール。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Creating the demo database %1…</source>
        <translation>デモデータベース %1 を作成しています…</translation>
    </message>
    <message>
        <source>Demo data…</source>
        <translation>デモデータ…</translation>
    </message>
    <message>
        <source>Demo data: %1</source>
        <translation>デモデータ: %1</translation>
    </message>
    <message>
        <source>%1 holds no tenants yet.</source>
        <translation>%1 にはまだテナントがありません。</translation>
    </message>
    <message>
        <source>%1 snapshots in %2</source>
        <translation>%2 に %1 件のスナップショット</translation>
    </message>
    <message>
        <source>Select a snapshot first.</source>
        <translation>先にスナップショットを選択してください。</translation>
    </message>
    <message>
        <source>%1 v%2 is the first version: there is nothing before it to compare with.</source>
        <translation>%1 v%2 は最初のバージョンのため、比較する前のバージョンがありません。</translation>
    </message>
    <message>
        <source>%1 snapshots</source>
        <translation>スナップショット %1 件</translation>
    </message>
    <message>
        <source>%1+ snapshots (counting…)</source>
        <translation>スナップショット %1+ 件(集計中…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot open the database.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;データベースを開けません。&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Tenant: %1 (of %2)</source>
        <translation>テナント: %1 (%2 中)</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>テナント: %1</translation>
    </message>
    <message>
        <source>%1 of %2 snapshots in %3 match the filters</source>
        <translation>%3 の %2 件中 %1 件のスナップショットがフィルターに一致</translation>
    </message>
    <message>
        <source>Counting the snapshots that match the filters, of %1 in %2…</source>
        <translation>%2 の %1 件のうち、フィルターに一致するスナップショットを数えています…</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（読み取り専用）</translation>
    </message>
    <message>
        <source>Reading the timeline failed: %1</source>
        <translation>タイムラインの読み込みに失敗しました: %1</translation>
    </message>
    <message>
        <source>&amp;Kinds of Snapshot…</source>
        <translation>スナップショットの種類(&amp;K)…</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>推移</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月次レポート</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>在庫</translation>
    </message>
    <message>
        <source>&amp;Import Snapshots…</source>
        <translation>スナップショットをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import Snapshots</source>
        <translation>スナップショットのインポート</translation>
    </message>
    <message>
        <source>%1 is open read-only: nothing can be imported into it.</source>
        <translation>%1 は読み取り専用で開かれています：インポートできません。</translation>
    </message>
    <message>
        <source>Role: %1 (%2)</source>
        <translation>ロール：%1（%2）</translation>
    </message>
    <message>
        <source>This login owns SnapScope&apos;s tables: it may do everything.</source>
        <translation>このログインは SnapScope のテーブルの所有者です。すべての操作ができます。</translation>
    </message>
    <message>
        <source>The database server grants this login the %1 role; what it may not do is disabled.</source>
        <translation>データベースサーバーはこのログインに %1 ロールを与えています。許可されていない操作は無効になっています。</translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <source>Take snapshot</source>
        <translation>スナップショットを作成</translation>
    </message>
    <message>
        <source>Retention &amp;&amp; cleanup</source>
        <translation>保持とクリーンアップ</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ゴミ箱</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>整合性</translation>
    </message>
    <message>
        <source>Snapshot strategy</source>
        <translation>スナップショット戦略</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
</context>
<context>
    <name>MonthlyInventoryView</name>
    <message>
        <source>&amp;Month:</source>
        <translation>月(&amp;M):</translation>
    </message>
    <message>
        <source>The month of the report: each product&apos;s closing stock and value on the month&apos;s last day with data, and the cost of goods sold over the month</source>
        <translation>レポートの月: 各商品の、その月でデータのある最終日の期末在庫と評価額、および月間の売上原価</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>店舗(&amp;S):</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV 書き出し(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the report as CSV (RFC 4180)</source>
        <translation>レポートを CSV(RFC 4180)で保存</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>全店舗</translation>
    </message>
    <message>
        <source>Cannot list the stores: %1</source>
        <translation>店舗の一覧を取得できません: %1</translation>
    </message>
    <message>
        <source>Reading the report…</source>
        <translation>レポートを読み込んでいます…</translation>
    </message>
    <message>
        <source>Cannot read the report: %1</source>
        <translation>レポートを読み込めません: %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Closing stock</source>
        <translation>期末在庫</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>評価額</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>出庫</translation>
    </message>
    <message>
        <source>Cost of goods sold</source>
        <translation>売上原価</translation>
    </message>
    <message>
        <source>Last day with data</source>
        <translation>データのある最終日</translation>
    </message>
    <message>
        <source>No inventory for this month.</source>
        <translation>この月の在庫データはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s); total value %1, cost of goods sold %2.</source>
        <translation>
            <numerusform>%n 商品、評価額 %1、売上原価 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointInTimePanel</name>
    <message>
        <source>State &amp;at:</source>
        <translation>時点の状態(&amp;A):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <source>The moment to show: the state after the last event that had happened by then</source>
        <translation>表示する時点: その時点までに起きた最後のイベント後の状態</translation>
    </message>
    <message>
        <source>The entity&apos;s events, first to last: drag or use the arrow keys to step through its versions</source>
        <translation>エンティティのイベント(最初から最後まで): ドラッグまたは矢印キーでバージョンを順に移動</translation>
    </message>
    <message>
        <source>Select an order or an aggregate to see its state at any moment.</source>
        <translation>注文または集約を選ぶと、任意の時点の状態を表示できます。</translation>
    </message>
    <message>
        <source>Reading the events of %1…</source>
        <translation>%1 のイベントを読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 has no events: there is nothing to replay.</source>
        <translation>%1 にはイベントがないため、再生するものがありません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot show that state.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;その状態を表示できません。&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation>バージョン %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Full replay of %n event(s) (no usable snapshot before it); state after the event of %1.</source>
        <translation>
            <numerusform>%n 件のイベントを最初から再生(利用できる以前のスナップショットなし)。%1 のイベント後の状態。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From snapshot %1 (event %2) plus %n event(s) replayed; state after the event of %3.</source>
        <translation>
            <numerusform>スナップショット %1(イベント %2)から %n 件のイベントを再生。%3 のイベント後の状態。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms.</source>
        <translation>%1 ミリ秒。</translation>
    </message>
    <message>
        <source>Skipped, failed verification: %1</source>
        <translation>検証に失敗したためスキップ: %1</translation>
    </message>
    <message>
        <source>State &amp;at (%1):</source>
        <translation>時点の状態(&amp;A) (%1):</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>保存せずに閉じる</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Writing the archive…</source>
        <translation>アーカイブを書き出しています…</translation>
    </message>
    <message>
        <source>Moving to the trash…</source>
        <translation>ゴミ箱へ移動しています…</translation>
    </message>
    <message>
        <source>Purging… %1 deleted</source>
        <translation>完全削除中… %1 件削除</translation>
    </message>
    <message>
        <source>Compacting %1: entity %2 of %3</source>
        <translation>%1 を圧縮中: エンティティ %2 / %3</translation>
    </message>
    <message>
        <source>Verifying… %1 corrupt so far</source>
        <translation>検証中… これまでに破損 %1 件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite データベース (*.sqlite *.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Verifying snapshot %1 of %2</source>
        <translation>スナップショットを検証中 %1 / %2</translation>
    </message>
    <message>
        <source>the database&apos;s own check found damage: %1</source>
        <translation>データベース自身の検査で損傷が見つかりました: %1</translation>
    </message>
    <message>
        <source>Syncing %1: %2 (%3 of %4), %5 row(s) read</source>
        <translation>%1 を同期中：%2（%4 件中 %3 件目）、%5 行を読み込み済み</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>すべて保存</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>はい(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>すべてはい(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>いいえ(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>すべていいえ(&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>無視</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>デフォルトに戻す</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Retention rules per kind, as borg prune uses them. Pinned snapshots, the newest snapshot of each entity, significant snapshots and protected types are never deleted. Every cleanup is planned first and shown before anything moves to the trash.</source>
        <translation>borg prune と同じ方式の、種類ごとの保持ルール。固定されたスナップショット、各エンティティの最新、重要なスナップショット、保護されたタイプは削除されません。クリーンアップは必ず先に計画され、ゴミ箱へ移す前に表示されます。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>Keep last:</source>
        <translation>最新を保持:</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>使用しない</translation>
    </message>
    <message>
        <source> per entity</source>
        <translation> / エンティティ</translation>
    </message>
    <message>
        <source>Keep within:</source>
        <translation>期間内を保持:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Keep daily:</source>
        <translation>日次で保持:</translation>
    </message>
    <message>
        <source>Keep weekly:</source>
        <translation>週次で保持:</translation>
    </message>
    <message>
        <source>Keep monthly:</source>
        <translation>月次で保持:</translation>
    </message>
    <message>
        <source>Keep yearly:</source>
        <translation>年次で保持:</translation>
    </message>
    <message>
        <source>Delete older than:</source>
        <translation>これより古いものを削除:</translation>
    </message>
    <message>
        <source>Protected types:</source>
        <translation>保護するタイプ:</translation>
    </message>
    <message>
        <source>types never deleted, separated by commas</source>
        <translation>削除しないタイプ(カンマ区切り)</translation>
    </message>
    <message>
        <source>Use &amp;defaults</source>
        <translation>既定値を使う(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Plan cleanup…</source>
        <translation>クリーンアップを計画(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save policy…</source>
        <translation>ポリシーを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Could not read the policy: %1</source>
        <translation>ポリシーを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Stored policy, saved by %1 on %2</source>
        <translation>保存済みポリシー(%2 に %1 が保存)</translation>
    </message>
    <message>
        <source>The specification&apos;s default (not saved yet)</source>
        <translation>仕様の既定値(未保存)</translation>
    </message>
    <message>
        <source>No policy: nothing of this kind is cleaned up</source>
        <translation>ポリシーなし: この種類はクリーンアップされません</translation>
    </message>
    <message>
        <source>Planning the %1 cleanup…</source>
        <translation>%1 のクリーンアップを計画しています…</translation>
    </message>
    <message>
        <source>Planning cancelled.</source>
        <translation>計画を中止しました。</translation>
    </message>
    <message>
        <source>Could not plan: %1</source>
        <translation>計画できませんでした: %1</translation>
    </message>
    <message>
        <source>Planned in %1 ms: %2 of %3 snapshots would go.</source>
        <translation>%1 ミリ秒で計画: %3 件中 %2 件が削除対象です。</translation>
    </message>
    <message>
        <source>Policy saved.</source>
        <translation>ポリシーを保存しました。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Cleaning up…</source>
        <translation>クリーンアップ中…</translation>
    </message>
    <message>
        <source>The cleanup failed: %1</source>
        <translation>クリーンアップに失敗しました: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 snapshots; the trash holds whole batches and planning again finishes the job.</source>
        <translation>%2 件中 %1 件で中止しました。ゴミ箱にはバッチ単位で完全に入っており、再度計画すれば残りを完了できます。</translation>
    </message>
    <message>
        <source>Moved %1 snapshots to the trash in %2 s.</source>
        <translation>%1 件のスナップショットを %2 秒でゴミ箱へ移動しました。</translation>
    </message>
    <message>
        <source>Archived %1 first.</source>
        <translation>先に %1 をアーカイブしました。</translation>
    </message>
</context>
<context>
    <name>RetentionPlanModel</name>
    <message>
        <source>stays</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>goes</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>保存サイズ</translation>
    </message>
    <message>
        <source>Taken at (%1)</source>
        <translation>作成日時 (%1)</translation>
    </message>
</context>
<context>
    <name>RetentionReason</name>
    <message>
        <source>within the keep-within window</source>
        <translation>保持期間内</translation>
    </message>
    <message>
        <source>one of the last N</source>
        <translation>最新 N 件のひとつ</translation>
    </message>
    <message>
        <source>daily survivor</source>
        <translation>日次の保持対象</translation>
    </message>
    <message>
        <source>weekly survivor</source>
        <translation>週次の保持対象</translation>
    </message>
    <message>
        <source>monthly survivor</source>
        <translation>月次の保持対象</translation>
    </message>
    <message>
        <source>yearly survivor</source>
        <translation>年次の保持対象</translation>
    </message>
    <message>
        <source>younger than the age limit</source>
        <translation>期限より新しい</translation>
    </message>
    <message>
        <source>pinned (legal hold)</source>
        <translation>固定(リーガルホールド)</translation>
    </message>
    <message>
        <source>newest of its entity</source>
        <translation>エンティティの最新</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>protected type</source>
        <translation>保護されたタイプ</translation>
    </message>
    <message>
        <source>base of a kept incremental snapshot</source>
        <translation>保持される差分スナップショットのベース</translation>
    </message>
    <message>
        <source>no keep rule matched</source>
        <translation>どの保持ルールにも該当しない</translation>
    </message>
    <message>
        <source>older than the age limit</source>
        <translation>期限より古い</translation>
    </message>
</context>
<context>
    <name>RoleSwitch</name>
    <message>
        <source>Show customers&apos; contact details (admin role)…</source>
        <translation>顧客の連絡先を表示(管理者ロール)…</translation>
    </message>
    <message>
        <source>Open a database first: the switch of role is recorded in its audit log.</source>
        <translation>先にデータベースを開いてください。ロールの切り替えはその監査ログに記録されます。</translation>
    </message>
    <message>
        <source>Show customers&apos; contact details</source>
        <translation>顧客の連絡先を表示</translation>
    </message>
    <message>
        <source>The admin role shows every customer&apos;s phone, email and address unmasked in the inspector, the comparisons and the cases, and in what you export.&lt;p&gt;The switch is recorded in the audit log of %1 as &lt;b&gt;%2&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Switch to the admin role?&lt;/p&gt;</source>
        <translation>管理者ロールでは、インスペクター、比較、ケース、およびエクスポートするファイルで、すべての顧客の電話番号・メール・住所がマスクなしで表示されます。&lt;p&gt;この切り替えは %1 の監査ログに &lt;b&gt;%2&lt;/b&gt; として記録されます。&lt;/p&gt;&lt;p&gt;管理者ロールに切り替えますか?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Support role: customers&apos; contact details are masked.</source>
        <translation>サポートロール: 顧客の連絡先はマスクされています。</translation>
    </message>
    <message>
        <source>Support role, but the switch could not be recorded in the audit log: %1</source>
        <translation>サポートロールですが、切り替えを監査ログに記録できませんでした: %1</translation>
    </message>
    <message>
        <source>Role not switched</source>
        <translation>ロールは切り替えられませんでした</translation>
    </message>
    <message>
        <source>The switch could not be recorded in the audit log, so contact details stay masked: %1</source>
        <translation>切り替えを監査ログに記録できなかったため、連絡先はマスクされたままです: %1</translation>
    </message>
    <message>
        <source>Admin role: customers&apos; contact details are shown; the switch is in the audit log.</source>
        <translation>管理者ロール: 顧客の連絡先を表示しています。切り替えは監査ログに記録されました。</translation>
    </message>
</context>
<context>
    <name>ScheduleEditorDialog</name>
    <message>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>繰り返し:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>時刻:</translation>
    </message>
    <message>
        <source>Day of week:</source>
        <translation>曜日:</translation>
    </message>
    <message>
        <source>Day of month:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <source>Cron:</source>
        <translation>Cron:</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, or @daily …</source>
        <translation>分 時 日 月 曜日、または @daily …</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>タイムゾーン:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>処理:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>対象:</translation>
    </message>
    <message>
        <source>all, or store codes / entity ids separated by commas</source>
        <translation>all、または店舗コード / エンティティ ID(カンマ区切り)</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>有効(&amp;E)</translation>
    </message>
    <message>
        <source>Next 10 runs:</source>
        <translation>次の 10 回の実行:</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>毎週</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>毎月</translation>
    </message>
    <message>
        <source>Custom cron</source>
        <translation>カスタム cron</translation>
    </message>
    <message>
        <source>Take snapshots</source>
        <translation>スナップショットを作成</translation>
    </message>
    <message>
        <source>Clean up (the kind&apos;s stored policy)</source>
        <translation>クリーンアップ(種類の保存済みポリシー)</translation>
    </message>
    <message>
        <source>Compact (the kind&apos;s snapshot strategy)</source>
        <translation>圧縮(種類のスナップショット戦略)</translation>
    </message>
    <message>
        <source>Edit schedule</source>
        <translation>スケジュールを編集</translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation>新しいスケジュール</translation>
    </message>
    <message>
        <source>Next 10 runs (%1):</source>
        <translation>次の 10 回の実行 (%1):</translation>
    </message>
    <message>
        <source>Made from the schedule above; choose &quot;Custom cron&quot; to write your own</source>
        <translation>上のスケジュールから作られています。自分で書くには「カスタム cron」を選んでください</translation>
    </message>
    <message>
        <source>Sync live source %1</source>
        <translation>ライブソース %1 を同期</translation>
    </message>
</context>
<context>
    <name>ScheduleListModel</name>
    <message>
        <source>Clean up %1</source>
        <translation>%1 をクリーンアップ</translation>
    </message>
    <message>
        <source>Compact %1</source>
        <translation>%1 を圧縮</translation>
    </message>
    <message>
        <source>Snapshot %1: %2</source>
        <translation>スナップショット %1: %2</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>予定日時</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Runner</source>
        <translation>実行元</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>作成数</translation>
    </message>
    <message>
        <source>Trashed</source>
        <translation>ゴミ箱へ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>次回実行</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>前回実行</translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1（%2 回目）</translation>
    </message>
    <message>
        <source>Sync source %1</source>
        <translation>ソース %1 を同期</translation>
    </message>
</context>
<context>
    <name>SchedulesPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>無効化(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>R&amp;un now</source>
        <translation>今すぐ実行(&amp;U)</translation>
    </message>
    <message>
        <source>Run &amp;due schedules</source>
        <translation>期限のスケジュールを実行(&amp;D)</translation>
    </message>
    <message>
        <source>History of the selected schedule:</source>
        <translation>選択したスケジュールの履歴:</translation>
    </message>
    <message>
        <source>Could not read the schedules: %1</source>
        <translation>スケジュールを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>有効化(&amp;B)</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Delete schedule</source>
        <translation>スケジュールを削除</translation>
    </message>
    <message>
        <source>Delete the schedule &quot;%1&quot; and its history?</source>
        <translation>スケジュール「%1」とその履歴を削除しますか?</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>削除しました。</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>削除できませんでした: %1</translation>
    </message>
    <message>
        <source>Running &quot;%1&quot;…</source>
        <translation>「%1」を実行しています…</translation>
    </message>
    <message>
        <source>Could not run &quot;%1&quot;: %2</source>
        <translation>「%1」を実行できませんでした: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; ran: %2 taken, %3 trashed.</source>
        <translation>「%1」を実行: 作成 %2 件、ゴミ箱へ %3 件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: %2</source>
        <translation>「%1」が失敗しました: %2</translation>
    </message>
    <message numerus="yes">
        <source>Ran %n due schedule(s).</source>
        <translation>
            <numerusform>期限のスケジュールを %n 件実行しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>実行できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>SeriesTableModel</name>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>SnapshotInspector</name>
    <message>
        <source>No snapshot selected</source>
        <translation>スナップショットが選択されていません</translation>
    </message>
    <message>
        <source>Select a snapshot in the timeline to see its metadata and payload.</source>
        <translation>タイムラインでスナップショットを選ぶと、メタデータとペイロードが表示されます。</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>スナップショット</translation>
    </message>
    <message>
        <source>Find in payload</source>
        <translation>ペイロード内を検索</translation>
    </message>
    <message>
        <source>Loading and verifying the payload…</source>
        <translation>ペイロードを読み込み、検証しています…</translation>
    </message>
    <message>
        <source>State at…</source>
        <translation>時点の状態…</translation>
    </message>
    <message>
        <source>The entity&apos;s state at any moment or version, rebuilt from its snapshots and events</source>
        <translation>スナップショットとイベントから再構築した、任意の時点・バージョンのエンティティの状態</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>すべて展開</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>すべて折りたたむ</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>値をコピー</translation>
    </message>
    <message>
        <source>Copy JSON Pointer</source>
        <translation>JSON Pointer をコピー</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>次を検索</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>前を検索</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Show the payload as indented JSON text</source>
        <translation>ペイロードをインデント付き JSON テキストで表示</translation>
    </message>
    <message>
        <source>Pin…</source>
        <translation>固定…</translation>
    </message>
    <message>
        <source>Compare with previous</source>
        <translation>前のバージョンと比較</translation>
    </message>
    <message>
        <source>Compare this version with the one before it (Ctrl+D)</source>
        <translation>このバージョンを 1 つ前と比較 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>表示する</translation>
    </message>
    <message>
        <source>Show a masked contact detail (recorded in the audit log)</source>
        <translation>マスクされた連絡先を表示(監査ログに記録されます)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Cannot show %1</source>
        <translation>%1 を表示できません</translation>
    </message>
    <message>
        <source>&lt;b&gt;The snapshot could not be read.&lt;/b&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;b&gt;スナップショットを読み込めませんでした。&lt;/b&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 %2 · version %3</source>
        <translation>%1 %2 · バージョン %3</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;Corrupt&lt;/b&gt;&lt;/span&gt; — %1</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;破損&lt;/b&gt;&lt;/span&gt; — %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Integrity error&lt;/h3&gt;&lt;p&gt;The stored payload of this snapshot does not match its checksum, so it is not shown: what would appear here is not what was recorded.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Expected SHA-256 &lt;tt&gt;%2&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;Older or newer versions of this entity may still be intact (Alt+Left / Alt+Right). &lt;tt&gt;snapscope-cli verify&lt;/tt&gt; lists every damaged snapshot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;整合性エラー&lt;/h3&gt;&lt;p&gt;このスナップショットの保存済みペイロードはチェックサムと一致しないため表示しません。ここに表示されるものは記録された内容ではありません。&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;期待される SHA-256 &lt;tt&gt;%2&lt;/tt&gt;。&lt;/p&gt;&lt;p&gt;このエンティティの古い/新しいバージョンは無事な可能性があります (Alt+Left / Alt+Right)。&lt;tt&gt;snapscope-cli verify&lt;/tt&gt; で破損したスナップショットを一覧できます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e7b34&apos;&gt;&lt;b&gt;Verified&lt;/b&gt;&lt;/span&gt; — SHA-256 matches</source>
        <translation>&lt;span style=&apos;color:#1e7b34&apos;&gt;&lt;b&gt;検証済み&lt;/b&gt;&lt;/span&gt; — SHA-256 が一致</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>Event sequence</source>
        <translation>イベント連番</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>コーデック</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>保存形式</translation>
    </message>
    <message>
        <source>a patch against %1 (materialized and verified on read)</source>
        <translation>%1 に対するパッチ(読み込み時に復元・検証)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>%1 → %2 stored (%3%)</source>
        <translation>%1 → 保存 %2 (%3%)</translation>
    </message>
    <message>
        <source>patch %1 → %2 stored (%3%)</source>
        <translation>パッチ %1 → 保存 %2 (%3%)</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>チェックサム</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>整合性</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <source>Unpin…</source>
        <translation>固定を解除…</translation>
    </message>
    <message>
        <source>Unpin this snapshot: cleanup may remove it again (recorded in the audit log)</source>
        <translation>このスナップショットの固定を解除: 再びクリーンアップで削除される可能性があります(監査ログに記録)</translation>
    </message>
    <message>
        <source>Pin this snapshot: cleanup never removes it (recorded in the audit log)</source>
        <translation>このスナップショットを固定: クリーンアップで削除されません(監査ログに記録)</translation>
    </message>
    <message>
        <source>Pin snapshot</source>
        <translation>スナップショットを固定</translation>
    </message>
    <message>
        <source>Unpin snapshot</source>
        <translation>スナップショットの固定を解除</translation>
    </message>
    <message>
        <source>Why must %1 v%2 be kept? (recorded in the audit log)</source>
        <translation>%1 v%2 を保持する理由は?(監査ログに記録されます)</translation>
    </message>
    <message>
        <source>Why may %1 v%2 be cleaned up again? (recorded in the audit log)</source>
        <translation>%1 v%2 を再びクリーンアップ対象にする理由は?(監査ログに記録されます)</translation>
    </message>
    <message>
        <source>Reason needed</source>
        <translation>理由が必要です</translation>
    </message>
    <message>
        <source>A pin or unpin needs a reason for the audit log.</source>
        <translation>固定とその解除には監査ログ用の理由が必要です。</translation>
    </message>
    <message>
        <source>Pin not changed</source>
        <translation>固定は変更されていません</translation>
    </message>
    <message>
        <source>Not revealed</source>
        <translation>表示されませんでした</translation>
    </message>
    <message>
        <source>The %1 could not be recorded in the audit log, so it stays masked: %2</source>
        <translation>%1 を監査ログに記録できなかったため、マスクしたままです: %2</translation>
    </message>
    <message>
        <source>This is the oldest version of the entity.</source>
        <translation>これはエンティティの最も古いバージョンです。</translation>
    </message>
    <message>
        <source>This is the newest version of the entity.</source>
        <translation>これはエンティティの最新バージョンです。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the selected member&apos;s value or its JSON Pointer</source>
        <translation>選択したメンバーの値または JSON Pointer をコピー</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 UTC</source>
        <translation>%1 (%2) · %3 UTC</translation>
    </message>
    <message>
        <source>The %1 stays masked: %2</source>
        <translation>%1 はマスクされたままです：%2</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Add live source</source>
        <translation>ライブソースの追加</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>saan-prod</source>
        <translation>saan-prod</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>テーブル(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>ホスト(&amp;H)</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>ポート(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>データベース(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>ユーザー(&amp;U)</translation>
    </message>
    <message>
        <source>T&amp;enant</source>
        <translation>テナント(&amp;E)</translation>
    </message>
    <message>
        <source>Time &amp;zone of its times</source>
        <translation>時刻のタイムゾーン(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Overlap window</source>
        <translation>重複ウィンドウ(&amp;O)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or the PGPASSWORD environment variable; SnapScope keeps none. The user needs only SELECT on the tables.</source>
        <translation>パスワードは ~/.pgpass または環境変数 PGPASSWORD から取得され、SnapScope は保存しません。ユーザーに必要なのはテーブルへの SELECT 権限だけです。</translation>
    </message>
    <message>
        <source>SAAN retail platform: order, chat, inventory and daily inventory snapshot tables</source>
        <translation>SAAN 小売プラットフォーム：注文、チャット、在庫、日次在庫のスナップショットテーブル</translation>
    </message>
    <message>
        <source>Event store: event_snapshots</source>
        <translation>イベントストア：event_snapshots</translation>
    </message>
    <message>
        <source>Name the source&apos;s database.</source>
        <translation>ソースのデータベース名を入力してください。</translation>
    </message>
    <message>
        <source>Connecting to the source and checking its tables…</source>
        <translation>ソースに接続してテーブルを確認しています…</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Running systems whose PostgreSQL snapshot tables SnapScope follows. A sync reads the rows added since the last one (and a window before it, for rows committed late) and keeps a copy here, compressed and checksummed; the source is never written to, and a row its own cleanup deletes stays here. Schedule syncs on the Schedules page or with snapscope-cli schedule create --sync.</source>
        <translation>SnapScope が PostgreSQL のスナップショットテーブルを追跡する稼働中のシステム。同期は前回以降に追加された行（と、遅れてコミットされた行のためにその少し前の範囲）を読み、圧縮・チェックサム付きのコピーをここに保存します。ソースには一切書き込まず、ソース側のクリーンアップで削除された行もここに残ります。同期のスケジュールは「スケジュール」ページまたは snapscope-cli schedule create --sync で設定します。</translation>
    </message>
    <message>
        <source>&amp;Add source…</source>
        <translation>ソースを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>今すぐ同期(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;F)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Could not read the sources: %1</source>
        <translation>ソースを読み込めません：%1</translation>
    </message>
    <message>
        <source>No live sources yet: Add source… names a running system&apos;s PostgreSQL.</source>
        <translation>ライブソースはまだありません：「ソースを追加…」で稼働中のシステムの PostgreSQL を指定します。</translation>
    </message>
    <message>
        <source>Added source %1. Sync now reads its rows.</source>
        <translation>ソース %1 を追加しました。「今すぐ同期」で行を読み込みます。</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 をテスト中…</translation>
    </message>
    <message>
        <source>Test of %1 failed: %2</source>
        <translation>%1 のテストに失敗しました：%2</translation>
    </message>
    <message>
        <source>%1: %2 row(s), readable%3</source>
        <translation>%1：%2 行、読み取り可%3</translation>
    </message>
    <message>
        <source>; no index starts with %1, so each sync reads the whole table</source>
        <translation>。%1 で始まるインデックスがないため、同期のたびにテーブル全体を読みます</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>%1 を同期中…</translation>
    </message>
    <message>
        <source>Could not sync %1: %2</source>
        <translation>%1 を同期できません：%2</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 already here, %4 gone at source</source>
        <translation>%1：新規 %2、既存 %3、ソースで削除済み %4</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>ソースの削除</translation>
    </message>
    <message>
        <source>Stop following %1? The snapshots its syncs stored stay; its watermarks are forgotten.</source>
        <translation>%1 の追跡をやめますか？同期で保存したスナップショットは残り、ウォーターマークは破棄されます。</translation>
    </message>
    <message>
        <source>Removed source %1.</source>
        <translation>ソース %1 を削除しました。</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>%1 を削除できません：%2</translation>
    </message>
    <message>
        <source>Cancelled. What was stored is kept, and the next sync goes on from there.</source>
        <translation>キャンセルしました。保存済みの分は残り、次の同期はそこから続けます。</translation>
    </message>
</context>
<context>
    <name>StrategyPanel</name>
    <message>
        <source>When orders and aggregates get a snapshot, and how it is stored. A point-in-time query starts from the newest snapshot before the moment and replays the events after it, so the strategy bounds that replay. Incremental snapshots are stored as a patch against the previous version, with a full keyframe at least every K versions.</source>
        <translation>注文と集約にいつスナップショットを作り、どう保存するか。時点クエリはその時点より前の最新スナップショットから始めて後続イベントを再生するため、戦略が再生量の上限を決めます。差分スナップショットは前のバージョンに対するパッチとして保存され、少なくとも K バージョンごとに完全なキーフレームが入ります。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Snapshot:</source>
        <translation>スナップショット(&amp;S):</translation>
    </message>
    <message>
        <source>Every &amp;N events:</source>
        <translation>N イベントごと(&amp;N):</translation>
    </message>
    <message>
        <source>Every &amp;T hours:</source>
        <translation>T 時間ごと(&amp;T):</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source>&amp;Replay at most:</source>
        <translation>最大再生量(&amp;R):</translation>
    </message>
    <message>
        <source> KiB of events</source>
        <translation> KiB のイベント</translation>
    </message>
    <message>
        <source>Store &amp;incrementally (a patch against the previous version when smaller)</source>
        <translation>差分で保存(&amp;I)(小さい場合は前のバージョンに対するパッチ)</translation>
    </message>
    <message>
        <source>&amp;Keyframe every:</source>
        <translation>キーフレーム間隔(&amp;K):</translation>
    </message>
    <message>
        <source> versions</source>
        <translation> バージョン</translation>
    </message>
    <message>
        <source>S&amp;ave strategy</source>
        <translation>戦略を保存(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Compact now</source>
        <translation>今すぐ圧縮(&amp;C)</translation>
    </message>
    <message>
        <source>Write the snapshots the strategy calls for and store every version as it says</source>
        <translation>戦略が求めるスナップショットを書き出し、全バージョンを戦略どおりに保存します</translation>
    </message>
    <message>
        <source>Every N events</source>
        <translation>N イベントごと</translation>
    </message>
    <message>
        <source>Every T hours of events</source>
        <translation>イベントの T 時間ごと</translation>
    </message>
    <message>
        <source>Hybrid: N events or T hours, whichever comes first</source>
        <translation>ハイブリッド: N イベントか T 時間の早いほう</translation>
    </message>
    <message>
        <source>When the events to replay exceed a size</source>
        <translation>再生するイベントが一定サイズを超えたとき</translation>
    </message>
    <message>
        <source>Could not read the strategy: %1</source>
        <translation>戦略を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Saved the strategy of %1; Compact now applies it.</source>
        <translation>%1 の戦略を保存しました。「今すぐ圧縮」で適用されます。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Compacting %1…</source>
        <translation>%1 を圧縮しています…</translation>
    </message>
    <message>
        <source>Cancelled. What was done is consistent: %1</source>
        <translation>中止しました。実行済みの部分は整合しています: %1</translation>
    </message>
    <message>
        <source>Could not compact: %1</source>
        <translation>圧縮できませんでした: %1</translation>
    </message>
    <message>
        <source>%1 entities: %2 snapshot(s) written, %3 stored as delta, %4 as keyframe; stored bytes %5 → %6.</source>
        <translation>エンティティ %1 件: スナップショット %2 件を書き出し、差分 %3 件、キーフレーム %4 件。保存サイズ %5 → %6。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>スキップ: %1</translation>
    </message>
</context>
<context>
    <name>TakeSnapshotPanel</name>
    <message>
        <source>Take a snapshot now from the source tables: a store&apos;s stock, an order or aggregate folded from its events, a day of inventory from its transactions, or an account.</source>
        <translation>ソーステーブルから今すぐスナップショットを作成します: 店舗の在庫、イベントから組み立てた注文や集約、取引から集計した 1 日分の在庫、またはアカウント。</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>Entity id:</source>
        <translation>エンティティ ID:</translation>
    </message>
    <message>
        <source>ORD-TH-000172, cart-00008, ACC-00001 …</source>
        <translation>ORD-TH-000172, cart-00008, ACC-00001 …</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>店舗:</translation>
    </message>
    <message>
        <source>All stores of the tenant</source>
        <translation>テナントの全店舗</translation>
    </message>
    <message>
        <source>Business day:</source>
        <translation>営業日:</translation>
    </message>
    <message>
        <source>Snapshot type:</source>
        <translation>スナップショットのタイプ:</translation>
    </message>
    <message>
        <source>&amp;Take snapshot</source>
        <translation>スナップショットを作成(&amp;T)</translation>
    </message>
    <message>
        <source>Taking %1 snapshot…</source>
        <translation>%1 のスナップショットを作成しています…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>中止しました: 何も書き込まれていません。</translation>
    </message>
    <message>
        <source>Could not take the snapshot: %1</source>
        <translation>スナップショットを作成できませんでした: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>スキップ: %1</translation>
    </message>
    <message numerus="yes">
        <source>Took %n snapshot(s) in %1 ms; first: %2 %3 version %4 (%5).</source>
        <translation>
            <numerusform>%1 ミリ秒で %n 件のスナップショットを作成。最初: %2 %3 バージョン %4 (%5)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the %1 to snapshot.</source>
        <translation>スナップショットを作成する%1を入力してください。</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>%1 → %2 (%3%)</source>
        <translation>%1 → %2 (%3%)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <source>corrupt</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Pinned: never removed by cleanup</source>
        <translation>固定: クリーンアップで削除されません</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Size (raw → stored)</source>
        <translation>サイズ(元 → 保存)</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>整合性</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>kind %1</source>
        <translation>種類 %1</translation>
    </message>
    <message>
        <source>types %1</source>
        <translation>タイプ %1</translation>
    </message>
    <message>
        <source>entity %1</source>
        <translation>エンティティ %1</translation>
    </message>
    <message>
        <source>entity starting with &quot;%1&quot;</source>
        <translation>「%1」で始まるエンティティ</translation>
    </message>
    <message>
        <source>created by someone matching &quot;%1&quot;</source>
        <translation>作成者に「%1」を含む</translation>
    </message>
    <message>
        <source>in the trash</source>
        <translation>ごみ箱内</translation>
    </message>
    <message>
        <source>the first snapshot</source>
        <translation>最初のスナップショット</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>No snapshots were taken between %1 and %2 (%3).</source>
        <translation>%1 から %2 (%3) の間に作成されたスナップショットはありません。</translation>
    </message>
    <message>
        <source>No snapshots were taken between %1 and %2 (%3) with %4.</source>
        <translation>%1 から %2 (%3) の間に作成された、%4 のスナップショットはありません。</translation>
    </message>
    <message>
        <source>The newest one is from %1; widen the time range to see it.</source>
        <translation>最新のものは %1 です。表示するには期間を広げてください。</translation>
    </message>
    <message>
        <source>This tenant has no snapshots yet.</source>
        <translation>このテナントにはまだスナップショットがありません。</translation>
    </message>
    <message>
        <source>None match these filters at any time.</source>
        <translation>どの期間にもこれらのフィルターに一致するものはありません。</translation>
    </message>
    <message>
        <source>No snapshots with %1.</source>
        <translation>%1 のスナップショットはありません。</translation>
    </message>
    <message>
        <source>%1 (%2)
%3 UTC</source>
        <translation>%1 (%2)
%3 UTC</translation>
    </message>
    <message>
        <source>Taken at (%1)</source>
        <translation>作成日時 (%1)</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>All snapshots</source>
        <translation>すべてのスナップショット</translation>
    </message>
    <message>
        <source>Leave this entity&apos;s timeline (Esc)</source>
        <translation>このエンティティのタイムラインを閉じる (Esc)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — every version of this entity</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — このエンティティの全バージョン</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Entity timeline</source>
        <translation>エンティティのタイムライン</translation>
    </message>
    <message>
        <source>No versions to show</source>
        <translation>表示するバージョンはありません</translation>
    </message>
    <message>
        <source>%1 versions</source>
        <translation>%1 バージョン</translation>
    </message>
    <message>
        <source>%1 · version %2
%3</source>
        <translation>%1 · バージョン %2
%3</translation>
    </message>
</context>
<context>
    <name>TimelineTable</name>
    <message>
        <source>Take snapshot of this entity now…</source>
        <translation>このエンティティのスナップショットを今すぐ作成…</translation>
    </message>
    <message>
        <source>Plan a cleanup of this kind…</source>
        <translation>この種類のクリーンアップを計画…</translation>
    </message>
</context>
<context>
    <name>TrainingExportDialog</name>
    <message>
        <source>Export AI Training Data</source>
        <translation>AI 学習データの書き出し</translation>
    </message>
    <message>
        <source>Chat snapshots of the chosen types that carry AI confidence scores and a customer satisfaction of at least the minimum, as JSON lines: key messages, intent progression, confidence scores and outcome. Customers&apos; contact details are masked.</source>
        <translation>選んだ種類のチャットのスナップショットのうち、AI の信頼度スコアがあり顧客満足度が最低値以上のものを JSON Lines で書き出します(重要メッセージ、意図の推移、信頼度スコア、結果)。顧客の連絡先はマスクされます。</translation>
    </message>
    <message>
        <source>Snapshot &amp;types:</source>
        <translation>スナップショットの種類(&amp;T):</translation>
    </message>
    <message>
        <source>Minimum &amp;satisfaction:</source>
        <translation>最低満足度(&amp;S):</translation>
    </message>
</context>
<context>
    <name>TrashPanel</name>
    <message>
        <source>Snapshots moved to the trash by cleanups. Restore puts them back; purge deletes those trashed longer ago than the undo window.</source>
        <translation>クリーンアップでゴミ箱に移されたスナップショット。復元で元に戻し、完全削除で取り消し可能期間より前に移されたものを削除します。</translation>
    </message>
    <message>
        <source>&amp;Restore selected</source>
        <translation>選択項目を復元(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;F)</translation>
    </message>
    <message>
        <source>Undo &amp;window:</source>
        <translation>取り消し可能期間(&amp;W):</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>完全削除(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import archive…</source>
        <translation>アーカイブをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Import archive</source>
        <translation>アーカイブをインポート</translation>
    </message>
    <message>
        <source>Snapshot archives (*.ndjson.zst);;All files (*)</source>
        <translation>スナップショットアーカイブ (*.ndjson.zst);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Select the snapshots to restore.</source>
        <translation>復元するスナップショットを選択してください。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>復元しています…</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n snapshot(s).</source>
        <translation>
            <numerusform>%n 件のスナップショットを復元しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not restore: %1</source>
        <translation>復元できませんでした: %1</translation>
    </message>
    <message>
        <source>Purge the trash</source>
        <translation>ゴミ箱を完全削除</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>完全削除しています…</translation>
    </message>
    <message>
        <source>Purged %1 snapshots.</source>
        <translation>%1 件のスナップショットを完全削除しました。</translation>
    </message>
    <message>
        <source>Could not purge: %1</source>
        <translation>完全削除できませんでした: %1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 をインポートしています…</translation>
    </message>
    <message>
        <source>Imported %1 of %2 archived snapshots (the others were present).</source>
        <translation>アーカイブ済みスナップショット %2 件中 %1 件をインポートしました(残りは既存)。</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>何もインポートされませんでした: %1</translation>
    </message>
    <message>
        <source>Could not count the trash: %1</source>
        <translation>ごみ箱の件数を数えられませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing in the trash is older than %n day(s): there is nothing to purge.</source>
        <translation>
            <numerusform>ごみ箱に %n 日より古いものはありません。完全削除するものはありません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n snapshot(s) for good? They were trashed more than %1 day(s) ago. This cannot be undone.</source>
        <translation>
            <numerusform>%n 件のスナップショットを完全に削除しますか? これらは %1 日以上前にごみ箱に移されました。元に戻せません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>SnapScope will use the new language the next time it starts.</source>
        <translation>SnapScope は次回の起動時から新しい言語を使用します。</translation>
    </message>
</context>
</TS>
