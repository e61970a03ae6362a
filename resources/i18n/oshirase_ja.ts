<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="ja_JP">
<context>
    <name>CodeCombo</name>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>（すべて）</source>
        <translation>（すべて）</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>印刷した日（today）</source>
        <translation>印刷した日（today）</translation>
    </message>
</context>
<context>
    <name>EmployerTree</name>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>お知らせ</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>すべての事業所</source>
        <translation>すべての事業所</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>事業所 / 所属</source>
        <translation>事業所 / 所属</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>封筒</source>
        <translation>封筒</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>所属 %1</source>
        <translation>所属 %1</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>所属別に梱包</source>
        <translation>所属別に梱包</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>梱包</source>
        <translation>梱包</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>番号順に梱包</source>
        <translation>番号順に梱包</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>自宅へ郵送する封筒（郵便番号順）。事業所のチェックに従って印刷されます。</source>
        <translation>自宅へ郵送する封筒（郵便番号順）。事業所のチェックに従って印刷されます。</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>自宅送付</source>
        <translation>自宅送付</translation>
    </message>
    <message>
        <location filename="../../gui/employer_tree.py"/>
        <source>（所属なし）</source>
        <translation>（所属なし）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>クリア</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>事業所</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>事業所コード</source>
        <translation>事業所コード</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>所属</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>所属コード</source>
        <translation>所属コード</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>検索</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>氏名・カナ・記号-番号で検索</source>
        <translation>氏名・カナ・記号-番号で検索</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>状態</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>絞り込みの条件をすべて消します</source>
        <translation>絞り込みの条件をすべて消します</translation>
    </message>
    <message>
        <location filename="../../gui/filter_bar.py"/>
        <source>自宅送付</source>
        <translation>自宅送付</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行履歴</source>
        <translation>発行履歴</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行履歴: %1（%2 件）</source>
        <translation>発行履歴: %1（%2 件）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行履歴: %1（まだ発行していません）</source>
        <translation>発行履歴: %1（まだ発行していません）</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source> 「確定処理」でまとめて確定するか、「発行履歴…」で実行ごとに確認できます。</source>
        <translation> 「確定処理」でまとめて確定するか、「発行履歴…」で実行ごとに確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>印刷・出力を発行台帳に記録しません（校正刷り）</source>
        <translation>印刷・出力を発行台帳に記録しません（校正刷り）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>実行番号 %1 はすでに確定していました。</source>
        <translation>実行番号 %1 はすでに確定していました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>実行番号 %1 は出力が揃っていないため取り消しました。</source>
        <translation>実行番号 %1 は出力が揃っていないため取り消しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>実行番号 %1 を記録しました。</source>
        <translation>実行番号 %1 を記録しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>校正用: 印刷・出力を発行台帳に記録しません</source>
        <translation>校正用: 印刷・出力を発行台帳に記録しません</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>校正用（記録しない）</source>
        <translation>校正用（記録しない）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行台帳</source>
        <translation>発行台帳</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行台帳の実行の一覧（取消・確定処理・取り込み・書き出し・削除）</source>
        <translation>発行台帳の実行の一覧（取消・確定処理・取り込み・書き出し・削除）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行履歴</source>
        <translation>発行履歴</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行履歴…</source>
        <translation>発行履歴…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>発行履歴を読めません</source>
        <translation>発行履歴を読めません</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>確定処理</source>
        <translation>確定処理</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>確定処理に失敗しました</source>
        <translation>確定処理に失敗しました</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_panel.py"/>
        <source>確定処理の必要な実行はありませんでした。</source>
        <translation>確定処理の必要な実行はありませんでした。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>%1 件の文字が枠に収まらず、印刷では「…」で省略されます。「問題の一覧」で確認してください。</source>
        <translation>%1 件の文字が枠に収まらず、印刷では「…」で省略されます。「問題の一覧」で確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>%1 行にエラーがあります。エラーのある世帯は印刷されません。下の「問題の一覧」で確認してください。</source>
        <translation>%1 行にエラーがあります。エラーのある世帯は印刷されません。下の「問題の一覧」で確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>Excel ファイルを開いてください（ドラッグ＆ドロップでも開けます）</source>
        <translation>Excel ファイルを開いてください（ドラッグ＆ドロップでも開けます）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>お知らせ印刷</source>
        <translation>お知らせ印刷</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>エラー %1</source>
        <translation>エラー %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>プレビューを表示できません: </source>
        <translation>プレビューを表示できません: </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>事業所 %1</source>
        <translation>事業所 %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>前回の実行プロファイルを使えないため、標準のプロファイルを使います: </source>
        <translation>前回の実行プロファイルを使えないため、標準のプロファイルを使います: </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>加入者 %1 行</source>
        <translation>加入者 %1 行</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>印刷中です</source>
        <translation>印刷中です</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>印刷（または PDF 出力）の途中です。中止してウィンドウを閉じますか？
送信済みの印刷ジョブはそのまま印刷されます。</source>
        <translation>印刷（または PDF 出力）の途中です。中止してウィンドウを閉じますか？
送信済みの印刷ジョブはそのまま印刷されます。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>対象 %1 人</source>
        <translation>対象 %1 人</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>対象外 %1</source>
        <translation>対象外 %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>封筒 %1</source>
        <translation>封筒 %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>表示中 %1 行</source>
        <translation>表示中 %1 行</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py"/>
        <source>警告 %1</source>
        <translation>警告 %1</translation>
    </message>
</context>
<context>
    <name>MemberStatus</name>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>エラー</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>前回から変更</source>
        <translation>前回から変更</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>対象</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>対象（返送）</source>
        <translation>対象（返送）</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>未発行</source>
        <translation>未発行</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>発行済</source>
        <translation>発行済</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>警告あり</source>
        <translation>警告あり</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>お知らせ</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>フリガナ</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>事業所コード</source>
        <translation>事業所コード</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>区分</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>家族</source>
        <translation>家族</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>所属コード</source>
        <translation>所属コード</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>書類</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>本人</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>氏名</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>状態</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>記号-番号-枝番</source>
        <translation>記号-番号-枝番</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>資格取得日</source>
        <translation>資格取得日</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>資格喪失日</source>
        <translation>資格喪失日</translation>
    </message>
    <message>
        <location filename="../../gui/member_model.py"/>
        <source>資格確認書</source>
        <translation>資格確認書</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../gui/message_bar.py"/>
        <source>閉じる</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <location filename="../../gui/preview.py"/>
        <source>切り取り部分</source>
        <translation>切り取り部分</translation>
    </message>
    <message>
        <location filename="../../gui/preview.py"/>
        <source>封筒の窓</source>
        <translation>封筒の窓</translation>
    </message>
</context>
<context>
    <name>PreviewDocument</name>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>お知らせ（世帯 %1/%2）</source>
        <translation>お知らせ（世帯 %1/%2）</translation>
    </message>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>お知らせ（印刷対象外）</source>
        <translation>お知らせ（印刷対象外）</translation>
    </message>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>この方には印刷されません: %1</source>
        <translation>この方には印刷されません: %1</translation>
    </message>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>対象者リスト</source>
        <translation>対象者リスト</translation>
    </message>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>資格確認書（世帯 %1/%2）</source>
        <translation>資格確認書（世帯 %1/%2）</translation>
    </message>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>返送対象（データ確定日後に資格喪失の届出あり）</source>
        <translation>返送対象（データ確定日後に資格喪失の届出あり）</translation>
    </message>
    <message>
        <location filename="../../gui/preview_document.py"/>
        <source>送付状</source>
        <translation>送付状</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>ページ全体</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>前のページ</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>加入者を選ぶと、印刷されるページをここに表示します。</source>
        <translation>加入者を選ぶと、印刷されるページをここに表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>封筒の窓と切り取り部分の位置を表示します</source>
        <translation>封筒の窓と切り取り部分の位置を表示します</translation>
    </message>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>幅に合わせる</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>次のページ</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <location filename="../../gui/preview_pane.py"/>
        <source>窓の位置</source>
        <translation>窓の位置</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source> ページまで</source>
        <translation> ページまで</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>PDF に出力</source>
        <translation>PDF に出力</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>PDF の出力</source>
        <translation>PDF の出力</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>PDF は一時フォルダに作成し、すべて完了してから出力フォルダに移します。中止しても途中までの PDF は残りません。</source>
        <translation>PDF は一時フォルダに作成し、すべて完了してから出力フォルダに移します。中止しても途中までの PDF は残りません。</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>PDF ファイル（フォルダに出力）</source>
        <translation>PDF ファイル（フォルダに出力）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>お知らせのみ</source>
        <translation>お知らせのみ</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>すべて</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>チェックした事業所・所属</source>
        <translation>チェックした事業所・所属</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>ファイルの分け方</source>
        <translation>ファイルの分け方</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>プリンタ（事業所ごとに1つの印刷ジョブ）</source>
        <translation>プリンタ（事業所ごとに1つの印刷ジョブ）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>プロファイルどおり（事業所ごとの設定）</source>
        <translation>プロファイルどおり（事業所ごとの設定）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>ページ数で分割</source>
        <translation>ページ数で分割</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>一斉送付（initial）</source>
        <translation>一斉送付（initial）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>事業所ごとに1ファイル</source>
        <translation>事業所ごとに1ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>全体で1ファイル</source>
        <translation>全体で1ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>再交付（reissue）</source>
        <translation>再交付（reissue）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>出力フォルダ</source>
        <translation>出力フォルダ</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>出力フォルダを選ぶ</source>
        <translation>出力フォルダを選ぶ</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>出力先</source>
        <translation>出力先</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>印刷…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>印刷・PDF 出力</source>
        <translation>印刷・PDF 出力</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>参照…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>所属別</source>
        <translation>所属別</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>新規加入者（new-members）</source>
        <translation>新規加入者（new-members）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>書類</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>未発行の方のみ（発行台帳で同じ内容を発行済みの方を除く）</source>
        <translation>未発行の方のみ（発行台帳で同じ内容を発行済みの方を除く）</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>梱包順</source>
        <translation>梱包順</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>次の画面でプリンタを選びます。事業所ごとに1つの印刷ジョブで、梱包順に印刷します。印刷の記録（manifest.csv）は再印刷に使えます。</source>
        <translation>次の画面でプリンタを選びます。事業所ごとに1つの印刷ジョブで、梱包順に印刷します。印刷の記録（manifest.csv）は再印刷に使えます。</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>番号順</source>
        <translation>番号順</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>種類と梱包順はプレビューのとおりです。変えるときは「設定」で変えてください。</source>
        <translation>種類と梱包順はプレビューのとおりです。変えるときは「設定」で変えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>範囲</source>
        <translation>範囲</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>絞り込み中の加入者</source>
        <translation>絞り込み中の加入者</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>送付状・対象者リスト・お知らせ</source>
        <translation>送付状・対象者リスト・お知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py"/>
        <source>選択した行の世帯</source>
        <translation>選択した行の世帯</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>エラー</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>シート</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>値</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>列</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>種別</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>警告</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>エラーと警告</source>
        <translation>エラーと警告</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>エラーのみ</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>問題の一覧</source>
        <translation>問題の一覧</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>問題の一覧　エラー %1 件・警告 %2 件</source>
        <translation>問題の一覧　エラー %1 件・警告 %2 件</translation>
    </message>
    <message>
        <location filename="../../gui/problems_panel.py"/>
        <source>警告のみ</source>
        <translation>警告のみ</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source> ポイント</source>
        <translation> ポイント</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source> 世帯まで封筒</source>
        <translation> 世帯まで封筒</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source> 桁</source>
        <translation> 桁</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>75歳の誕生日の前日までにする</source>
        <translation>75歳の誕生日の前日までにする</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>CSV の文字コード</source>
        <translation>CSV の文字コード</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>PDF の分け方</source>
        <translation>PDF の分け方</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>QR コードの URL</source>
        <translation>QR コードの URL</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>employer（事業所ごと）、run（1ファイル）、pages:N（N ページ以内ごと）</source>
        <translation>employer（事業所ごと）、run（1ファイル）、pages:N（N ページ以内ごと）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>お知らせ</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>お知らせのみ</source>
        <translation>お知らせのみ</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>カスタマバーコードの大きさ</source>
        <translation>カスタマバーコードの大きさ</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>ゼロ埋め桁数: </source>
        <translation>ゼロ埋め桁数: </translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>テンプレート</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>データ確定日</source>
        <translation>データ確定日</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>フォント・シート</source>
        <translation>フォント・シート</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>プリンタで両面印刷する（長辺とじ）</source>
        <translation>プリンタで両面印刷する（長辺とじ）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>マイナ保険証の列で決める（あり: お知らせ、なし: 資格確認書）</source>
        <translation>マイナ保険証の列で決める（あり: お知らせ、なし: 資格確認書）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>事業所ごとの梱包順</source>
        <translation>事業所ごとの梱包順</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>事業所コード</source>
        <translation>事業所コード</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>事業所シートに従う</source>
        <translation>事業所シートに従う</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>事業所名</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>今回の印刷</source>
        <translation>今回の印刷</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>保険者</source>
        <translation>保険者</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>保険者名</source>
        <translation>保険者名</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>保険者番号（8桁）</source>
        <translation>保険者番号（8桁）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>個人番号が未登録の方を対象外にする（一斉送付）</source>
        <translation>個人番号が未登録の方を対象外にする（一斉送付）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>全世帯を自宅へ郵送する事業所コード（任意継続など）。複数のときは「,」で区切ります</source>
        <translation>全世帯を自宅へ郵送する事業所コード（任意継続など）。複数のときは「,」で区切ります</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>全員にお知らせ</source>
        <translation>全員にお知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>全員に資格確認書</source>
        <translation>全員に資格確認書</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>切り取り部分にフリガナを印字する</source>
        <translation>切り取り部分にフリガナを印字する</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>加入者シート名（空欄は自動）</source>
        <translation>加入者シート名（空欄は自動）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>取得処理日がこの日以前</source>
        <translation>取得処理日がこの日以前</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>受付時間</source>
        <translation>受付時間</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>問い合わせ先の名称</source>
        <translation>問い合わせ先の名称</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>外字用の TrueType フォントのパス。複数のときは「;」で区切ります</source>
        <translation>外字用の TrueType フォントのパス。複数のときは「;」で区切ります</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>外字用フォント</source>
        <translation>外字用フォント</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>対象者の判定</source>
        <translation>対象者の判定</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>封筒で送る上限</source>
        <translation>封筒で送る上限</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>封筒の窓</source>
        <translation>封筒の窓</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>性別を印字する</source>
        <translation>性別を印字する</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>所在地</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>所属コード</source>
        <translation>所属コード</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>所属別</source>
        <translation>所属別</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>指定しない</source>
        <translation>指定しない</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>新規加入者: 取得処理の終了日</source>
        <translation>新規加入者: 取得処理の終了日</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>新規加入者: 取得処理の開始日</source>
        <translation>新規加入者: 取得処理の開始日</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>時点（お知らせに印字）</source>
        <translation>時点（お知らせに印字）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>書類</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>有効期限（交付日から5年以内）</source>
        <translation>有効期限（交付日から5年以内）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>枝番</source>
        <translation>枝番</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>梱包</source>
        <translation>梱包</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>梱包順</source>
        <translation>梱包順</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>生年月日を印字する</source>
        <translation>生年月日を印字する</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>用紙の上の位置</source>
        <translation>用紙の上の位置</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>用紙の上端から窓まで</source>
        <translation>用紙の上端から窓まで</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>用紙の左端から窓まで</source>
        <translation>用紙の左端から窓まで</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>番号</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>番号順</source>
        <translation>番号順</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>発行する書類</source>
        <translation>発行する書類</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>発行日</source>
        <translation>発行日</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>窓の幅</source>
        <translation>窓の幅</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>窓の高さ</source>
        <translation>窓の高さ</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>自動（BOM、UTF-8、だめなら Shift_JIS）</source>
        <translation>自動（BOM、UTF-8、だめなら Shift_JIS）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>自宅へ郵送する事業所</source>
        <translation>自宅へ郵送する事業所</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>自宅郵送</source>
        <translation>自宅郵送</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>裏面（臓器提供意思表示欄）を印刷する（両面）</source>
        <translation>裏面（臓器提供意思表示欄）を印刷する（両面）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>記号</source>
        <translation>記号</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>負担割合を印字する（しないときは ****）</source>
        <translation>負担割合を印字する（しないときは ****）</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>資格取得日がこの日以前</source>
        <translation>資格取得日がこの日以前</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>資格確認書</source>
        <translation>資格確認書</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>送付先の列が「自宅」の世帯も自宅へ郵送します。郵送する封筒の窓には住所・宛名とカスタマバーコードを印字します。</source>
        <translation>送付先の列が「自宅」の世帯も自宅へ郵送します。郵送する封筒の窓には住所・宛名とカスタマバーコードを印字します。</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>送付状・対象者リスト・お知らせ</source>
        <translation>送付状・対象者リスト・お知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>郵便番号</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>長3窓付き封筒の窓の位置です（A4 用紙の左上から mm）。窓は用紙の端から 5 mm 以上内側に収めます。「テストページを印刷」で実物の封筒に合わせて確かめてください。</source>
        <translation>長3窓付き封筒の窓の位置です（A4 用紙の左上から mm）。窓は用紙の端から 5 mm 以上内側に収めます。「テストページを印刷」で実物の封筒に合わせて確かめてください。</translation>
    </message>
    <message>
        <location filename="../../gui/profile_form.py"/>
        <source>電話番号</source>
        <translation>電話番号</translation>
    </message>
</context>
<context>
    <name>ProgressPopup</name>
    <message>
        <location filename="../../gui/jobs.py"/>
        <source>中止</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py"/>
        <source>中止しています…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py"/>
        <source>処理中</source>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py"/>
        <source>残り時間: 約 %1</source>
        <translation>残り時間: 約 %1</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source> ほか %1 件</source>
        <translation> ほか %1 件</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>%1（%2 ページ）</source>
        <translation>%1（%2 ページ）</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>%1～%2 ページ: </source>
        <translation>%1～%2 ページ: </translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>manifest.csv (manifest.csv);;CSV (*.csv)</source>
        <translation>manifest.csv (manifest.csv);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>ファイル（事業所）</source>
        <translation>ファイル（事業所）</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>ページを指定</source>
        <translation>ページを指定</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>世帯を指定</source>
        <translation>世帯を指定</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>以前の印刷</source>
        <translation>以前の印刷</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>以前の印刷の記録（manifest.csv）を選んでください。</source>
        <translation>以前の印刷の記録（manifest.csv）を選んでください。</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>再印刷</source>
        <translation>再印刷</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>印刷…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>印刷の記録（manifest.csv）を選ぶ</source>
        <translation>印刷の記録（manifest.csv）を選ぶ</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>参照…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../gui/reprint_dialog.py"/>
        <source>範囲</source>
        <translation>範囲</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>%1 世帯</source>
        <translation>%1 世帯</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>%1 事業所</source>
        <translation>%1 事業所</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>%1 人</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>%1 行</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>PDF を出力しています</source>
        <translation>PDF を出力しています</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>「%1」の PDF を保存するフォルダ（事業所ごとに 1 ファイル）</source>
        <translation>「%1」の PDF を保存するフォルダ（事業所ごとに 1 ファイル）</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>フォルダ %1 は空ではありません。中身を今回の出力で置き換えますか？</source>
        <translation>フォルダ %1 は空ではありません。中身を今回の出力で置き換えますか？</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>ページ</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>中止しました。何も出力していません。</source>
        <translation>中止しました。何も出力していません。</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>再印刷しています</source>
        <translation>再印刷しています</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>出力できませんでした: </source>
        <translation>出力できませんでした: </translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>出力フォルダ</source>
        <translation>出力フォルダ</translation>
    </message>
    <message>
        <location filename="../../gui/run_control.py"/>
        <source>印刷しています</source>
        <translation>印刷しています</translation>
    </message>
</context>
<context>
    <name>RunSummaryDialog</name>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>PDF %1 ファイル・%2 ページを出力しました。</source>
        <translation>PDF %1 ファイル・%2 ページを出力しました。</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>PDF 出力の結果</source>
        <translation>PDF 出力の結果</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>manifest.csv を開く</source>
        <translation>manifest.csv を開く</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>お知らせ</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>フォルダを開く</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>プリンタ「%1」に %2 件の印刷ジョブ（%3 ページ）を送りました。</source>
        <translation>プリンタ「%1」に %2 件の印刷ジョブ（%3 ページ）を送りました。</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>ページ</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>事業所コード</source>
        <translation>事業所コード</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>事業所名</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>印刷しなかった加入者: </source>
        <translation>印刷しなかった加入者: </translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>印刷の結果</source>
        <translation>印刷の結果</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>封筒</source>
        <translation>封筒</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>梱包</source>
        <translation>梱包</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>記録の場所: %1</source>
        <translation>記録の場所: %1</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>返送</source>
        <translation>返送</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>途中で中止しました。送信済みのジョブだけを記録しています。</source>
        <translation>途中で中止しました。送信済みのジョブだけを記録しています。</translation>
    </message>
    <message>
        <location filename="../../gui/run_summary.py"/>
        <source>閉じる</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>RunWarnings</name>
    <message>
        <location filename="../../gui/run_warnings.py"/>
        <source>印刷時の文字のはみ出しを確認しています</source>
        <translation>印刷時の文字のはみ出しを確認しています</translation>
    </message>
</context>
<context>
    <name>RunsDialog</name>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>%1 より前に発行した書類 %2 件と、空になる実行 %3 件を削除します。元に戻せません。よろしいですか？</source>
        <translation>%1 より前に発行した書類 %2 件と、空になる実行 %3 件を削除します。元に戻せません。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>SQLite のファイル、または共有の PostgreSQL（postgresql://ユーザー@サーバー/データベース）。空欄は既定のファイル:</source>
        <translation>SQLite のファイル、または共有の PostgreSQL（postgresql://ユーザー@サーバー/データベース）。空欄は既定のファイル:</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>manifest.csv を読んでいます</source>
        <translation>manifest.csv を読んでいます</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>この日より前に発行した書類を削除:</source>
        <translation>この日より前に発行した書類を削除:</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>中止しました。</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>出力が揃っていないので、この実行の書類を取り消しました。</source>
        <translation>出力が揃っていないので、この実行の書類を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>出力が揃っているので、発行済みとして記録しました。</source>
        <translation>出力が揃っているので、発行済みとして記録しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>削除しています</source>
        <translation>削除しています</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>削除しませんでした。</source>
        <translation>削除しませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>取り消し</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>取り消し…</source>
        <translation>取り消し…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>取り消しています</source>
        <translation>取り消しています</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>取り込み…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>取り込み済みです（実行 %1）。何も変更していません。</source>
        <translation>取り込み済みです（実行 %1）。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>取り込む実行フォルダ（manifest.csv のあるフォルダ）</source>
        <translation>取り込む実行フォルダ（manifest.csv のあるフォルダ）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>古い記録の削除</source>
        <translation>古い記録の削除</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>古い記録の削除…</source>
        <translation>古い記録の削除…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>台帳の場所</source>
        <translation>台帳の場所</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>台帳の場所…</source>
        <translation>台帳の場所…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>実行 %1 として取り込みました（書類 %2 件）。</source>
        <translation>実行 %1 として取り込みました（書類 %2 件）。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>実行 %1 の書類をすべて取り消します（発行していないものとして扱います）。よろしいですか？</source>
        <translation>実行 %1 の書類をすべて取り消します（発行していないものとして扱います）。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>実行フォルダを取り込んでいます</source>
        <translation>実行フォルダを取り込んでいます</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>実行中</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>書き出し…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>書き出しています</source>
        <translation>書き出しています</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>書類 %1 件と実行 %2 件を削除しました。</source>
        <translation>書類 %1 件と実行 %2 件を削除しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>書類 %1 件を取り消しました。</source>
        <translation>書類 %1 件を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>書類 %1 件を書き出しました。</source>
        <translation>書類 %1 件を書き出しました。</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>発行した書類を CSV に書き出す</source>
        <translation>発行した書類を CSV に書き出す</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>発行台帳: %1</source>
        <translation>発行台帳: %1</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>発行台帳の処理に失敗しました（%1）</source>
        <translation>発行台帳の処理に失敗しました（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>発行台帳を読んでいます</source>
        <translation>発行台帳を読んでいます</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>発行履歴（発行台帳）</source>
        <translation>発行履歴（発行台帳）</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>確定処理</source>
        <translation>確定処理</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_dialog.py"/>
        <source>確定処理をしています</source>
        <translation>確定処理をしています</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../gui/session.py"/>
        <source>ファイルを読み書きできません（%1）。</source>
        <translation>ファイルを読み書きできません（%1）。</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>メモリが不足しています。</source>
        <translation>メモリが不足しています。</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>ワークブックを読み込んでいます</source>
        <translation>ワークブックを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>一覧を準備しています</source>
        <translation>一覧を準備しています</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>予期しないエラーが発生しました（%1）。</source>
        <translation>予期しないエラーが発生しました（%1）。</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>対象者を判定しています</source>
        <translation>対象者を判定しています</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>対象者を判定し直しています</source>
        <translation>対象者を判定し直しています</translation>
    </message>
    <message>
        <location filename="../../gui/session.py"/>
        <source>読み込みを中止しました。</source>
        <translation>読み込みを中止しました。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>お知らせに印字する保険者（自組合）の情報を入力してください。いまの設定は見本の組合のものです。保存すると、その実行プロファイルを次回からも使います（日付などほかの設定は「設定」でいつでも変えられます）。</source>
        <translation>お知らせに印字する保険者（自組合）の情報を入力してください。いまの設定は見本の組合のものです。保存すると、その実行プロファイルを次回からも使います（日付などほかの設定は「設定」でいつでも変えられます）。</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>はじめに — 保険者の設定</source>
        <translation>はじめに — 保険者の設定</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>テストページ</source>
        <translation>テストページ</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>テストページを印刷…</source>
        <translation>テストページを印刷…</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>テストページを印刷しました。</source>
        <translation>テストページを印刷しました。</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>ファイル: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>保存して使う</source>
        <translation>保存して使う</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>保存できません: </source>
        <translation>保存できません: </translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>同梱の標準プロファイル（保存するときは名前を付けて保存します）</source>
        <translation>同梱の標準プロファイル（保存するときは名前を付けて保存します）</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>名前を付けて保存…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>変更した設定は保存されていません。破棄して閉じますか？</source>
        <translation>変更した設定は保存されていません。破棄して閉じますか？</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>変更を破棄しますか</source>
        <translation>変更を破棄しますか</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>実行プロファイル (*.toml)</source>
        <translation>実行プロファイル (*.toml)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>実行プロファイルの設定</source>
        <translation>実行プロファイルの設定</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>実行プロファイルを保存</source>
        <translation>実行プロファイルを保存</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>封筒の窓の位置を確かめる印刷です（窓の枠と目盛り）</source>
        <translation>封筒の窓の位置を確かめる印刷です（窓の枠と目盛り）</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py"/>
        <source>設定に問題はありません。</source>
        <translation>設定に問題はありません。</translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <location filename="../../gui/jobs.py"/>
        <source>中止</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py"/>
        <source>中止しています…</source>
        <translation>中止しています…</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>CSV・テキスト（カンマ・タブ区切り）</source>
        <translation>CSV・テキスト（カンマ・タブ区切り）</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>Excel ファイル</source>
        <translation>Excel ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>OpenDocument スプレッドシート</source>
        <translation>OpenDocument スプレッドシート</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>PDF と一覧表（CSV）をフォルダに出力します</source>
        <translation>PDF と一覧表（CSV）をフォルダに出力します</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>PDF に出力…</source>
        <translation>PDF に出力…</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>お知らせ印刷 — 資格情報のお知らせを事業所ごとに印刷します。</source>
        <translation>お知らせ印刷 — 資格情報のお知らせを事業所ごとに印刷します。</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>このアプリについて</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>すべてのチェックを外す</source>
        <translation>すべてのチェックを外す</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>すべてのファイル</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>すべての事業所をチェック</source>
        <translation>すべての事業所をチェック</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>サポート用のログ（個人情報は含みません）のフォルダを開きます</source>
        <translation>サポート用のログ（個人情報は含みません）のフォルダを開きます</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>ツールバー</source>
        <translation>ツールバー</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>ファイル(&amp;F)</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>プリンタで印刷します（事業所ごとに1ジョブ）</source>
        <translation>プリンタで印刷します（事業所ごとに1ジョブ）</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>ログは次のフォルダにあります:
</source>
        <translation>ログは次のフォルダにあります:
</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>ログフォルダ</source>
        <translation>ログフォルダ</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>ログフォルダを開く</source>
        <translation>ログフォルダを開く</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>以前の印刷から、紙詰まりなどのページだけを印刷し直します</source>
        <translation>以前の印刷から、紙詰まりなどのページだけを印刷し直します</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>保険者・日付・窓位置などの設定を編集します</source>
        <translation>保険者・日付・窓位置などの設定を編集します</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>再印刷…</source>
        <translation>再印刷…</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>再読み込み</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>別の実行プロファイル（TOML）を使います</source>
        <translation>別の実行プロファイル（TOML）を使います</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>加入者台帳を開く</source>
        <translation>加入者台帳を開く</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>加入者台帳（Excel・OpenDocument・CSV）</source>
        <translation>加入者台帳（Excel・OpenDocument・CSV）</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>加入者台帳（Excel・OpenDocument・CSV）を開きます</source>
        <translation>加入者台帳（Excel・OpenDocument・CSV）を開きます</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>印刷…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>同じファイルを読み直します（絞り込みはそのまま）</source>
        <translation>同じファイルを読み直します（絞り込みはそのまま）</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>実行プロファイル %1 を使います。</source>
        <translation>実行プロファイル %1 を使います。</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>実行プロファイル (*.toml)</source>
        <translation>実行プロファイル (*.toml)</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>実行プロファイルの設定…</source>
        <translation>実行プロファイルの設定…</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>実行プロファイルを使えません: </source>
        <translation>実行プロファイルを使えません: </translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>実行プロファイルを開く</source>
        <translation>実行プロファイルを開く</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>実行プロファイルを開く…</source>
        <translation>実行プロファイルを開く…</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>最近使ったファイル</source>
        <translation>最近使ったファイル</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>範囲(&amp;R)</source>
        <translation>範囲(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>終了</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>見つかりません: %1</source>
        <translation>見つかりません: %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>設定(&amp;S)</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>開く…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../../gui/main_actions.py"/>
        <source>（見つかりません）</source>
        <translation>（見つかりません）</translation>
    </message>
</context>
</TS>
