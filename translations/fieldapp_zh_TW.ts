<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AbsenceCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="97"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="98"/>
        <source>Revisit on</source>
        <translation>再訪日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="100"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>AbsentNext</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="44"/>
        <source>Nobody to meet: Listen and the customer&apos;s signature are skipped. Under Resolve, say what you found, add a photo of the premises and the day you come back.</source>
        <translation>無人可會面：將略過「傾聽」步驟及客戶簽名。請在「解決方案」步驟中說明現場情況，附上店鋪照片，並填寫再訪日期。</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="57"/>
        <source>Open invoices</source>
        <translation>未結發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="61"/>
        <source>Last payment: %1, %2 (%3)</source>
        <translation>最近一次付款：%1，%2（%3）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="66"/>
        <source>No payments recorded.</source>
        <translation>尚無付款記錄。</translation>
    </message>
</context>
<context>
    <name>AgingModel</name>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="41"/>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="43"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="45"/>
        <source>Overdue</source>
        <translation>逾期金額</translation>
    </message>
</context>
<context>
    <name>AgingStrip</name>
    <message>
        <location filename="../fieldapp/ui/views/aging_strip.py" line="50"/>
        <source>Nothing open: every invoice is paid.</source>
        <translation>無未結帳款：所有發票均已付清。</translation>
    </message>
</context>
<context>
    <name>AssignButtons</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="61"/>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="62"/>
        <source>Give the customers picked in the list to a collector</source>
        <translation>將清單中選取的客戶指派給催收員</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="67"/>
        <source>Assign all %n matching…</source>
        <translation>
            <numerusform>指派全部 %n 家符合條件的客戶…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="69"/>
        <source>Give every customer the search and filters keep to a collector</source>
        <translation>將搜尋與篩選後留下的所有客戶指派給催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="71"/>
        <source>Assign all matching…</source>
        <translation>指派全部符合條件的客戶…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="73"/>
        <source>Narrow the list with the search or the filters first</source>
        <translation>請先以搜尋或篩選條件縮小清單範圍</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="64"/>
        <source>Assign customers</source>
        <translation>指派客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="65"/>
        <source>Collector:</source>
        <translation>催收員：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="66"/>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="68"/>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="88"/>
        <source>No collector</source>
        <translation>不指派催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="103"/>
        <source>Counting the customers…</source>
        <translation>正在計算客戶數…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="107"/>
        <source>No customers match.</source>
        <translation>沒有符合條件的客戶。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="112"/>
        <source>Take all %n matching customers away from their collectors?</source>
        <translation>
            <numerusform>要將全部 %n 家符合條件的客戶從原催收員名下移除嗎？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="115"/>
        <source>Assign all %n matching customers to %1?</source>
        <translation>
            <numerusform>要將全部 %n 家符合條件的客戶指派給 %1 嗎？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="120"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 家客戶</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignedCustomersModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="73"/>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="74"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="75"/>
        <source>District</source>
        <translation>地區</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="76"/>
        <source>Territory</source>
        <translation>責任區</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="78"/>
        <source>Overdue</source>
        <translation>逾期金額</translation>
    </message>
</context>
<context>
    <name>AssignmentHistoryDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="49"/>
        <source>Assignment history</source>
        <translation>指派記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="50"/>
        <source>Assignments, newest first. Undo gives the customers of the selected assignment back their previous collectors.</source>
        <translation>各次指派，依時間由新到舊排列。「復原」會將所選指派中的客戶交回原本的催收員。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="52"/>
        <source>Undo this assignment</source>
        <translation>復原此次指派</translation>
    </message>
</context>
<context>
    <name>AssignmentLogModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="18"/>
        <source>No collector</source>
        <translation>無催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="130"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="132"/>
        <source>Who</source>
        <translation>操作人員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="133"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="135"/>
        <source>From</source>
        <translation>原催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="136"/>
        <source>To</source>
        <translation>新催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="137"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="138"/>
        <source>Undone</source>
        <translation>已復原</translation>
    </message>
</context>
<context>
    <name>BackgroundTab</name>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business status</source>
        <translation>營運狀況</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business notes</source>
        <translation>營運概況</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="58"/>
        <source>Financial situation</source>
        <translation>財務狀況</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="59"/>
        <source>Personality &amp; communication</source>
        <translation>個性與溝通方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Cooperating since</source>
        <translation>合作起始日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Credit limit</source>
        <translation>信用額度</translation>
    </message>
</context>
<context>
    <name>BalanceRefresh</name>
    <message>
        <location filename="../fieldapp/ui/visit/balances.py" line="36"/>
        <source>Another record took money from this customer: open balances are updated.</source>
        <translation>另一份記錄已向此客戶收款：未付餘額已更新。</translation>
    </message>
</context>
<context>
    <name>BatchPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="73"/>
        <source>Print %1</source>
        <translation>列印 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="80"/>
        <source>Printing %1…</source>
        <translation>正在列印 %1…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="86"/>
        <source>Save PDF</source>
        <translation>儲存 PDF</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="88"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="96"/>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="97"/>
        <source>The PDF could not be saved to %1:
%2</source>
        <translation>無法將 PDF 儲存至 %1：
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="106"/>
        <source>%1 pages · %2 documents for %3 customers · signed by %4</source>
        <translation>共 %1 頁 · %3 家客戶的 %2 份文件 · 簽署人：%4</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="109"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="110"/>
        <source>&amp;Save PDF…</source>
        <translation>儲存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="111"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="107"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="108"/>
        <source>Who</source>
        <translation>操作人員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="109"/>
        <source>Customers</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="111"/>
        <source>To</source>
        <translation>指派給</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="113"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="119"/>
        <source>Undone</source>
        <translation>已復原</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="121"/>
        <source>Undoes an earlier assignment</source>
        <translation>復原先前的一次指派</translation>
    </message>
</context>
<context>
    <name>BundleDrop</name>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="38"/>
        <source>Not day bundles</source>
        <translation>不是每日資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="39"/>
        <source>Only day bundles from the laptops (.zip files, or folders of them) can be dropped here. These were not imported:
%1</source>
        <translation>此處只能拖放來自各電腦的每日資料包（.zip 檔案，或包含這些檔案的資料夾）。以下項目未匯入：
%1</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="22"/>
        <source>Change PIN or passphrase</source>
        <translation>修改 PIN 碼或密碼片語</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="27"/>
        <source>Current PIN or passphrase:</source>
        <translation>目前的 PIN 碼或密碼片語：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="28"/>
        <source>New PIN or passphrase:</source>
        <translation>新的 PIN 碼或密碼片語：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="29"/>
        <source>The same again:</source>
        <translation>再輸入一次：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="43"/>
        <source>The two new entries are not the same.</source>
        <translation>兩次輸入的新內容不一致。</translation>
    </message>
</context>
<context>
    <name>CollectorDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="66"/>
        <source>Add a collector</source>
        <translation>新增催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="67"/>
        <source>Change a collector</source>
        <translation>修改催收員資料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="69"/>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="71"/>
        <source>Active: customers can be assigned</source>
        <translation>啟用：可指派客戶</translation>
    </message>
</context>
<context>
    <name>CollectorsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="13"/>
        <source>Active</source>
        <translation>啟用中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="14"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="24"/>
        <source>No laptop enrolled</source>
        <translation>尚未註冊任何電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="28"/>
        <source>{device}: enrolled {day}, revoked</source>
        <translation>裝置 {device}：{day} 註冊，已撤銷</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="31"/>
        <source>{device}: enrolled {day}</source>
        <translation>裝置 {device}：{day} 註冊</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="43"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="44"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="45"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="47"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="49"/>
        <source>Customers</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="51"/>
        <source>Open follow-ups</source>
        <translation>待追蹤事項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="53"/>
        <source>Laptops</source>
        <translation>電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="56"/>
        <source>Overdue</source>
        <translation>逾期金額</translation>
    </message>
</context>
<context>
    <name>CollectorsView</name>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Add collector…</source>
        <translation>新增催收員…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="70"/>
        <source>Assign customers without a collector…</source>
        <translation>指派尚無催收員的客戶…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="71"/>
        <source>Move selected customers…</source>
        <translation>轉移選取的客戶…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="72"/>
        <source>Assignment history…</source>
        <translation>指派記錄…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="94"/>
        <source>Activate</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="95"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="102"/>
        <source>Choose a collector to see their customers.</source>
        <translation>請選擇催收員以查看其客戶。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/collectors_view.py" line="104"/>
        <source>%n customers of %1</source>
        <translation>
            <numerusform>共 %n 家客戶，由 %1 負責</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="57"/>
        <source>No unfinished visits.</source>
        <translation>沒有未完成的拜訪。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="124"/>
        <source>Amend a finalized record</source>
        <translation>修訂已完成的記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="125"/>
        <source>The record stays as it was signed. The correction is a new record that refers to it. Why is it corrected?</source>
        <translation>原記錄維持簽名時的內容不變；修訂會另建一份引用原記錄的新記錄。請說明更正原因：</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="92"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="92"/>
        <source>District</source>
        <translation>地區</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Province</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="94"/>
        <source>New contact&apos;s phone</source>
        <translation>新聯絡人的電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="136"/>
        <source>Conflicts waiting for a decision: %1, the oldest first. Nothing was overwritten: each shows the value both sides started from, the office&apos;s and the laptop&apos;s.</source>
        <translation>待決定的衝突：%1 筆，最早的排在最前。未覆寫任何資料：每筆都列出雙方修改前的原值，以及公司端的值與電腦端的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="139"/>
        <source>No conflicts: every change from the laptops was applied.</source>
        <translation>沒有衝突：來自各電腦的變更皆已套用。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Received</source>
        <translation>收到時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Detail</source>
        <translation>資料項目</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Office&apos;s value</source>
        <translation>公司端的值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Laptop&apos;s value</source>
        <translation>電腦端的值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="145"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="146"/>
        <source>Keep the &amp;office&apos;s value</source>
        <translation>保留公司端的值(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="147"/>
        <source>Take the &amp;laptop&apos;s value</source>
        <translation>採用電腦端的值(&amp;L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="148"/>
        <source>or type the right value</source>
        <translation>或輸入正確的值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="149"/>
        <source>&amp;Use this value</source>
        <translation>使用此值(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ContactField</name>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="33"/>
        <source>Choose a contact or type a name</source>
        <translation>選擇聯絡人或輸入姓名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="62"/>
        <source>Authority to pay</source>
        <translation>有付款決定權</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="32"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="33"/>
        <source>Role</source>
        <translation>職務</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="34"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="35"/>
        <source>Authority</source>
        <translation>付款決定權</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="36"/>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="37"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="46"/>
        <source>Authority to pay</source>
        <translation>有付款決定權</translation>
    </message>
</context>
<context>
    <name>ContractTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="54"/>
        <source>Number</source>
        <translation>合約編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="55"/>
        <source>Signed</source>
        <translation>簽約日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="57"/>
        <source>Goods</source>
        <translation>貨品</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="59"/>
        <source>Payment terms</source>
        <translation>付款條件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="61"/>
        <source>Installments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="63"/>
        <source>Early-payment discount</source>
        <translation>提前付款折扣</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="70"/>
        <source>Net %n days</source>
        <translation>
            <numerusform>帳期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="75"/>
        <source>Allowed</source>
        <translation>可</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="76"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="83"/>
        <source>within %n days</source>
        <translation>
            <numerusform>（%n 天內付清）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="45"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="47"/>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="49"/>
        <source>District</source>
        <translation>地區</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="51"/>
        <source>Overdue</source>
        <translation>逾期金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="55"/>
        <source>Days late</source>
        <translation>逾期天數</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Code</source>
        <translation>客戶編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Tax code</source>
        <translation>統一編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Status</source>
        <translation>營運狀況</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Credit limit</source>
        <translation>信用額度</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="89"/>
        <source>Language</source>
        <translation>文件語言</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="16"/>
        <source>name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="18"/>
        <source>contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="20"/>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="22"/>
        <source>code</source>
        <translation>編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="24"/>
        <source>tax code or several fields</source>
        <translation>統一編號或多個欄位</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="45"/>
        <source>Found in</source>
        <translation>符合欄位</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="152"/>
        <source>Searching…</source>
        <translation>搜尋中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="154"/>
        <source>More than %n customers match “%1”</source>
        <translation>
            <numerusform>超過 %n 個客戶符合「%1」</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="157"/>
        <source>%n customers match “%1”</source>
        <translation>
            <numerusform>%n 個客戶符合「%1」</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="160"/>
        <source>Customers matching “%1”</source>
        <translation>符合「%1」的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="162"/>
        <source>All customers</source>
        <translation>全部客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="164"/>
        <source>No customer matches “%1”</source>
        <translation>沒有符合「%1」的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="213"/>
        <source>Search name, code, tax code, phone, contact…</source>
        <translation>搜尋名稱、編號、統一編號、電話、聯絡人…</translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="101"/>
        <source>Pick a customer in the list to see their file</source>
        <translation>請在清單中選擇客戶以查看其資料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="104"/>
        <source>Collector: %1</source>
        <translation>催收員：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="106"/>
        <source>Collector: nobody yet</source>
        <translation>催收員：尚未指派</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Invoices</source>
        <translation>發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Payments</source>
        <translation>付款記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contracts</source>
        <translation>合約</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="115"/>
        <source>Deliveries</source>
        <translation>送貨記錄</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="75"/>
        <source>Add a customer</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="76"/>
        <source>Name, code or phone</source>
        <translation>名稱、編號或電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="77"/>
        <source>Add to the route</source>
        <translation>加入路線</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Background</source>
        <translation>背景資料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Contracts</source>
        <translation>合約</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Invoices</source>
        <translation>發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Deliveries</source>
        <translation>送貨記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Payments</source>
        <translation>付款記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Visits</source>
        <translation>拜訪記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="211"/>
        <source>Pick a customer from today&apos;s route or search (Ctrl+F)</source>
        <translation>請從今日路線中選擇客戶，或搜尋客戶（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="212"/>
        <source>Correct &amp;details…</source>
        <translation>更正資料(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="214"/>
        <source>Correct the address, a contact&apos;s phone or add a contact; the office gets the change with the next sync</source>
        <translation>更正地址、聯絡人的電話，或新增聯絡人；公司會在下次同步時收到變更</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="82"/>
        <source>Money collected</source>
        <translation>收款金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="89"/>
        <source>Visits</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="91"/>
        <source>Calls</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Kept</source>
        <translation>已兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Partially kept</source>
        <translation>部分兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Broken</source>
        <translation>未兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="97"/>
        <source>Still open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="134"/>
        <source>Money collected per day</source>
        <translation>每日收款金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Visits and calls</source>
        <translation>拜訪與電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Promises</source>
        <translation>承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="136"/>
        <source>Aging over time</source>
        <translation>帳齡變化</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="120"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="218"/>
        <source>All collectors</source>
        <translation>全部催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="123"/>
        <source>Customers not assigned</source>
        <translation>未指派的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="160"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="181"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="189"/>
        <source>Export the figures</source>
        <translation>匯出數據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="182"/>
        <source>Workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 活頁簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="212"/>
        <source>Variant</source>
        <translation>計算方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="193"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="200"/>
        <source>Export the chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="194"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;From</source>
        <translation>起始日(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;To</source>
        <translation>結束日(&amp;T)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>&amp;Collector</source>
        <translation>催收員(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>C&amp;urrency</source>
        <translation>幣別(&amp;U)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="208"/>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="209"/>
        <source>Export table…</source>
        <translation>匯出表格…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="210"/>
        <source>Export chart…</source>
        <translation>匯出圖表…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../fieldapp/ui/date_edit.py" line="90"/>
        <source>Type a date like %1</source>
        <translation>請依 %1 的格式輸入日期</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../fieldapp/ui/visit/typed_fields.py" line="25"/>
        <source>Set</source>
        <translation>指定日期</translation>
    </message>
</context>
<context>
    <name>DayAgreementsDialog</name>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="168"/>
        <source>%1 of %2 ticked (Space ticks or unticks the selected one)</source>
        <translation>已勾選 %1 份，共 %2 份（按空白鍵可勾選或取消勾選選取的項目）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="170"/>
        <source>No agreements were made on %1.</source>
        <translation>%1 沒有簽訂任何協議書。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="199"/>
        <source>Reading the agreements…</source>
        <translation>正在讀取協議書…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="216"/>
        <source>Print the agreements of %1</source>
        <translation>列印 %1 的協議書</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="218"/>
        <source>Printing the agreements…</source>
        <translation>正在列印協議書…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="225"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>已將 %n 頁送出列印。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="230"/>
        <source>Not printed: %1</source>
        <translation>未列印：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="233"/>
        <source>Print agreements of a day</source>
        <translation>列印某日的協議書</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="234"/>
        <source>Agreements made on &amp;day:</source>
        <translation>協議簽訂日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="235"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="236"/>
        <source>All ticked agreements in one print job</source>
        <translation>將所有勾選的協議書合併為一個列印工作</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="238"/>
        <source>Number</source>
        <translation>編號</translation>
    </message>
</context>
<context>
    <name>DeliveriesTab</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/file_tabs.py" line="118"/>
        <source>%n deliveries don&apos;t match the contract — check them before talking about money</source>
        <translation>
            <numerusform>有 %n 筆送貨與合約不符，談款項之前請先核對</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="129"/>
        <source>ordered %1, delivered %2</source>
        <translation>訂購 %1，實送 %2</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="95"/>
        <source>Note</source>
        <translation>送貨單號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="96"/>
        <source>Delivered</source>
        <translation>送貨日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="98"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="99"/>
        <source>Ordered</source>
        <translation>訂購數量</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="101"/>
        <source>Delivered qty</source>
        <translation>實送數量</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="104"/>
        <source>Discrepancy</source>
        <translation>差異</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="106"/>
        <source>Receiver</source>
        <translation>簽收人</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="123"/>
        <source>%1, confirmed</source>
        <translation>%1，已確認</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="125"/>
        <source>%1, not confirmed yet</source>
        <translation>%1，尚未確認</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="145"/>
        <source>on time</source>
        <translation>準時</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="146"/>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="147"/>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="149"/>
        <source>%1 behind</source>
        <translation>慢 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="150"/>
        <source>%1 ahead</source>
        <translation>快 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="156"/>
        <source>This laptop&apos;s clock seems off by more than 10 minutes: the times of its visits and promises are off by as much. Ask the collector to set the clock (a bundle that took long to arrive also makes a clock look behind).</source>
        <translation>這台電腦的時鐘似乎誤差超過 10 分鐘：其拜訪與承諾的時間也會有同樣的誤差。請催收員校正時鐘（資料包若花了很久才送達，時鐘看起來也會像是變慢）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="161"/>
        <source>The time between the laptop writing its last bundle, by its own clock, and the office receiving it.</source>
        <translation>從電腦寫出最近一個資料包（依其自身時鐘）到公司收到該資料包之間的時間。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="167"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Already imported</source>
        <translation>先前已匯入</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="172"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="172"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Quarantined</source>
        <translation>已隔離</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="178"/>
        <source>Waiting for an earlier bundle from this laptop</source>
        <translation>正在等待本電腦先前的資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="206"/>
        <source>Discard bundle</source>
        <translation>捨棄資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="207"/>
        <source>Discard the bundle %1? Its records will not be imported; the laptop can send them again only if it still has them.</source>
        <translation>要捨棄資料包 %1 嗎？其中的紀錄將不會匯入；該電腦只有在仍保有這些紀錄時才能重新送出。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Import day bundles</source>
        <translation>匯入每日資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Day bundles (*.zip)</source>
        <translation>每日資料包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="232"/>
        <source>Importing day bundles…</source>
        <translation>正在匯入每日資料包…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="238"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4

Acknowledgements for the laptops are written at the next sync with the sync folder (Sync › Import arrived bundles), or by the command fieldapp office import-bundles.</source>
        <translation>已匯入：%1
先前已匯入：%2
等待先前的資料包：%3
已隔離：%4

給各電腦的確認回條會在下次透過同步資料夾同步時寫出（同步 › 匯入已送達的資料包），或在公司端執行指令 fieldapp office import-bundles 寫出。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="246"/>
        <source>Day bundles</source>
        <translation>每日資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="251"/>
        <source>Enrolled laptops</source>
        <translation>已註冊的電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="252"/>
        <source>Bundles received (the selected laptop&apos;s, or all)</source>
        <translation>已收到的資料包（所選電腦的，或全部）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Laptop</source>
        <translation>電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Enrolled</source>
        <translation>註冊日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Revoked</source>
        <translation>已撤銷</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Last bundle</source>
        <translation>最近的資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Received</source>
        <translation>收到時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Pack</source>
        <translation>指派資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Missing</source>
        <translation>缺漏</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Clock</source>
        <translation>時鐘</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="257"/>
        <source>Last ack</source>
        <translation>最近確認回條</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="259"/>
        <source>No laptop is enrolled yet. To enroll one: on the laptop choose Sync › Enroll this laptop… (or run fieldapp enroll request --out FILE) and bring the request here; sign it for its collector with fieldapp office enroll FILE --collector NAME --out ANSWER; then install the answer on the laptop (Sync › Enroll this laptop…, or fieldapp enroll install ANSWER). Its bundles and health show here from then on.</source>
        <translation>尚未註冊任何電腦。註冊方式：在該電腦上選擇「同步 › 註冊本機…」（或執行 fieldapp enroll request --out FILE），將要求檔帶回公司端；以 fieldapp office enroll FILE --collector NAME --out ANSWER 為其催收員簽署；然後在該電腦上安裝回覆檔（同步 › 註冊本機…，或執行 fieldapp enroll install ANSWER）。此後，該電腦的資料包與健康狀態會顯示在這裡。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Bundle</source>
        <translation>資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Records</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="267"/>
        <source>All laptops</source>
        <translation>所有電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="268"/>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="269"/>
        <source>Discard…</source>
        <translation>捨棄…</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="24"/>
        <source>Customer&apos;s reason</source>
        <translation>客戶所述原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="27"/>
        <source>Invoices concerned</source>
        <translation>相關發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="28"/>
        <source>What the customer says</source>
        <translation>客戶說法</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="31"/>
        <source>Customer&apos;s proposed resolution</source>
        <translation>客戶提出的解決方案</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="32"/>
        <source>Evidence</source>
        <translation>證據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="36"/>
        <source>Escalate by</source>
        <translation>上報期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="59"/>
        <source>already disputed</source>
        <translation>已有爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="63"/>
        <source>%1 — the supervisor must have it within 24 hours</source>
        <translation>%1 — 須於 24 小時內上報主管</translation>
    </message>
</context>
<context>
    <name>DocumentInfoPanel</name>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="78"/>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="79"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="80"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="81"/>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="83"/>
        <source>Signed by</source>
        <translation>簽署人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="84"/>
        <source>Pages</source>
        <translation>頁數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="87"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="92"/>
        <source>DEVELOPMENT certificate — not valid as evidence.
Signed with this laptop&apos;s development key, not with a certificate issued by the company.</source>
        <translation>開發測試憑證 — 不具證據效力。
本文件以本機的開發測試金鑰簽署，並非使用公司核發的憑證。</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="44"/>
        <source>Opening the visit record…</source>
        <translation>正在開啟拜訪記錄…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="50"/>
        <source>Making the statement of account…</source>
        <translation>正在產生對帳單…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="60"/>
        <source>Making the agreement for signing in ink…</source>
        <translation>正在產生供親筆簽名的協議書…</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="30"/>
        <source>%1 (development)</source>
        <translation>%1（開發測試）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="37"/>
        <source>Signed with a development certificate: not valid as evidence</source>
        <translation>以開發測試憑證簽署：不具證據效力</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="45"/>
        <source>%1 — replaced by %2</source>
        <translation>%1 — 已由 %2 取代</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="52"/>
        <source>An amendment replaced this document with %1; it is kept unchanged as evidence and can still be verified.</source>
        <translation>此文件已由修訂後的 %1 取代；原文件保持不變，留作證據，仍可驗證。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="66"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="68"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="70"/>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="72"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="74"/>
        <source>Signed by</source>
        <translation>簽署人</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="131"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="137"/>
        <source>Fit width</source>
        <translation>符合寬度</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="145"/>
        <source>Print %1</source>
        <translation>列印 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="152"/>
        <source>Printing %1…</source>
        <translation>正在列印 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/viewer.py" line="157"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>已將 %n 頁送出列印。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="164"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="165"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="173"/>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="174"/>
        <source>The copy could not be saved to %1:
%2</source>
        <translation>無法將副本儲存至 %1：
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="178"/>
        <source>Saved a copy to %1</source>
        <translation>已將副本儲存至 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="195"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="196"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="197"/>
        <source>Print through the system print dialog (Ctrl+P)</source>
        <translation>透過系統的列印對話方塊列印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="198"/>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="199"/>
        <source>Save the signed PDF, unchanged (Ctrl+S)</source>
        <translation>儲存已簽署的 PDF，內容不做任何變更（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="200"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="201"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="202"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="203"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="204"/>
        <source>&amp;Fit width</source>
        <translation>符合寬度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="205"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>將頁面縮放至視窗寬度（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="206"/>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="207"/>
        <source>Close the viewer (Esc)</source>
        <translation>關閉檢視器（Esc）</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="80"/>
        <source>No documents yet. Finalized visits get a signed record; a statement of account can be made at any time.</source>
        <translation>尚無文件。拜訪完成後會產生已簽名的記錄；對帳單可隨時產生。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="82"/>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="83"/>
        <source>Open the selected document (Enter)</source>
        <translation>開啟選取的文件（Enter）</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="23"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="24"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="25"/>
        <source>Last saved</source>
        <translation>上次儲存時間</translation>
    </message>
</context>
<context>
    <name>EarlierOutcomesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="177"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="179"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="181"/>
        <source>Details</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="184"/>
        <source>Now</source>
        <translation>目前狀態</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="19"/>
        <source>This database was written by a newer version of fieldapp (schema {version}; this one knows up to {latest}). Install the newer version to open it.</source>
        <translation>此資料庫由較新版本的 fieldapp 寫入（資料庫結構版本 {version}；目前版本最高僅支援 {latest}）。請安裝較新版本後再開啟。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="22"/>
        <source>Upgrading the database to schema {step} failed: {reason}</source>
        <translation>資料庫升級至結構版本 {step} 失敗：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="24"/>
        <source>Upgrading the database to schema {step} failed: {reason}. The database as it was before is saved as {backup}.</source>
        <translation>資料庫升級至結構版本 {step} 失敗：{reason}。升級前的資料庫已另存為 {backup}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="27"/>
        <source>The database {database} is damaged and cannot be read. It was left as it is.</source>
        <translation>資料庫 {database} 已損壞，無法讀取。資料庫保持原狀，未作任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="29"/>
        <source>{database} is a folder where the database file should be. Move the folder away or choose another profile folder.</source>
        <translation>{database} 是資料夾，但此處應為資料庫檔案。請將該資料夾移走，或選擇其他使用者資料夾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="32"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only. fieldapp keeps its database there.</source>
        <translation>無法寫入使用者資料夾 {folder}：該資料夾或其所在磁碟為唯讀。fieldapp 的資料庫存放於此資料夾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="35"/>
        <source>The database {database} cannot be opened: {reason}</source>
        <translation>無法開啟資料庫 {database}：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="37"/>
        <source>The disk holding {database} is full, so the last change was not written. Free some space and try again.</source>
        <translation>{database} 所在的磁碟已滿，因此最後一項變更未能寫入。請釋放部分空間後再試一次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="40"/>
        <source>The backup {backup} could not be restored: {reason}. The damaged database was left as it was.</source>
        <translation>無法還原備份 {backup}：{reason}。已損壞的資料庫保持原狀。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="43"/>
        <source>This customer is no longer in the portfolio.</source>
        <translation>此客戶已不在客戶清單中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="45"/>
        <source>This visit no longer exists.</source>
        <translation>此拜訪記錄已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="46"/>
        <source>This document no longer exists.</source>
        <translation>此文件已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="47"/>
        <source>This attachment no longer exists.</source>
        <translation>此附件已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="48"/>
        <source>This visit is final: record a correction as an amendment.</source>
        <translation>此拜訪已完成：如需更正，請以修訂方式記錄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="50"/>
        <source>This visit is final and cannot be discarded.</source>
        <translation>此拜訪已完成，無法刪除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="52"/>
        <source>This visit was already finalized.</source>
        <translation>此拜訪先前已完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="53"/>
        <source>Only unfinished visits are saved; a final visit is corrected by an amendment.</source>
        <translation>只有未完成的拜訪可以儲存；已完成的拜訪須以修訂方式更正。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="55"/>
        <source>The documents of a visit are made once it is finalized.</source>
        <translation>拜訪完成後才會產生相關文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="57"/>
        <source>The visit cannot be finalized yet: some steps still have problems.</source>
        <translation>拜訪尚無法完成：部分步驟仍有問題。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="59"/>
        <source>This visit was recorded by a newer version of fieldapp; install it to open the visit.</source>
        <translation>此拜訪記錄由較新版本的 fieldapp 建立；請安裝該版本後再開啟。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="62"/>
        <source>Say why the visit is amended.</source>
        <translation>請說明修訂此拜訪記錄的原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="63"/>
        <source>Only a final visit can be amended; finish the unfinished one instead.</source>
        <translation>只有已完成的拜訪才能修訂；未完成的拜訪請直接繼續完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="65"/>
        <source>Receipt {receipts} was already issued: only the office can void a receipt, an amendment cannot remove it.</source>
        <translation>收據 {receipts} 已開立：只有公司內勤可以作廢收據，修訂無法將其刪除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="68"/>
        <source>This visit has no installment plan {index}.</source>
        <translation>此拜訪沒有分期付款計劃 {index}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="70"/>
        <source>The document could not be read: the file is damaged.</source>
        <translation>無法讀取文件：檔案已損壞。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="72"/>
        <source>Document {number} could not be made. The visit is finalized and its money recorded; the document waits as pending: press Retry under the visit. The details are in the log.</source>
        <translation>無法產生文件 {number}。拜訪已完成，款項也已記錄；該文件目前為待產生狀態：請按拜訪下方的「重試」。詳細資訊請見日誌檔。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="76"/>
        <source>The stored record of this visit was changed outside fieldapp: it no longer matches its fingerprint.</source>
        <translation>此拜訪已儲存的記錄曾在 fieldapp 以外遭到修改：已與其數位指紋不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="79"/>
        <source>The checklist “{kind}” is missing from this installation; reinstall fieldapp.</source>
        <translation>此安裝缺少檢查清單「{kind}」；請重新安裝 fieldapp。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="81"/>
        <source>A checklist was written for a newer version of fieldapp; install the newer version.</source>
        <translation>有檢查清單是為較新版本的 fieldapp 所編寫；請安裝較新版本。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="84"/>
        <source>{path} is not a file.</source>
        <translation>{path} 不是檔案。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="85"/>
        <source>{name} cannot be attached: attach files from 1 byte to 20 MB.</source>
        <translation>無法附加 {name}：附加檔案的大小須介於 1 位元組至 20 MB 之間。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="87"/>
        <source>The profile folder {folder} cannot be created: {reason}</source>
        <translation>無法建立使用者資料夾 {folder}：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="89"/>
        <source>The profile folder was given as an empty name.</source>
        <translation>使用者資料夾的名稱是空白的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="91"/>
        <source>{folder} is a file, not a folder: choose a folder for the profile.</source>
        <translation>{folder} 是檔案而非資料夾：請選擇一個資料夾作為使用者資料夾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="93"/>
        <source>fieldapp is already running with the profile {folder}. Use that window: two programs on one profile would overwrite each other&apos;s drafts.</source>
        <translation>fieldapp 已在使用使用者資料夾 {folder} 執行中。請使用該視窗：兩個程式同時使用同一個使用者資料夾會互相覆寫草稿。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="96"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only.</source>
        <translation>無法寫入使用者資料夾 {folder}：該資料夾或其所在磁碟為唯讀。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="98"/>
        <source>There is no display to show the window on.</source>
        <translation>沒有可顯示視窗的螢幕。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="100"/>
        <source>There is no profile folder to keep this device&apos;s signing keys in.</source>
        <translation>沒有可存放此裝置簽章金鑰的使用者資料夾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="102"/>
        <source>This laptop&apos;s signing key in {path} is damaged, so nothing was signed. Move the file away to have a new key made; documents signed before stay valid.</source>
        <translation>本機位於 {path} 的簽章金鑰已損壞，因此未簽署任何文件。請將該檔案移至他處，以產生新的金鑰；先前簽署的文件仍然有效。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="105"/>
        <source>The certificate in {path} does not belong to this laptop&apos;s signing key, so nothing was signed.</source>
        <translation>{path} 中的憑證與本機的簽章金鑰不符，因此未簽署任何文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="108"/>
        <source>The signing key file {path} has no whole certificate, so nothing was signed.</source>
        <translation>簽章金鑰檔案 {path} 缺少完整的憑證，因此未簽署任何文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="110"/>
        <source>The company certificate in {path} is damaged, so nothing was signed.</source>
        <translation>位於 {path} 的公司憑證已損壞，因此未簽署任何文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="112"/>
        <source>“{value}” is not one of the values this setting allows.</source>
        <translation>「{value}」不是此設定允許的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="114"/>
        <source>“{zone}” is not a time zone: use a name like Asia/Taipei or an offset like +07:00.</source>
        <translation>「{zone}」不是有效的時區：請使用 Asia/Taipei 之類的名稱，或 +08:00 之類的 UTC 時差。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="117"/>
        <source>The currency {currency} is not supported.</source>
        <translation>不支援幣別 {currency}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="119"/>
        <source>Amounts in {first} and {second} cannot be added together.</source>
        <translation>{first} 與 {second} 的金額無法相加。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="121"/>
        <source>“{text}” is not an amount.</source>
        <translation>「{text}」不是有效的金額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="122"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>「{text}」的小數位數超過 {currency} 允許的位數。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="124"/>
        <source>“{text}” is too large: one amount can be at most {limit}.</source>
        <translation>「{text}」太大：單筆金額最多為 {limit}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="126"/>
        <source>An installment plan needs at least one installment.</source>
        <translation>分期付款計劃至少須有一期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="128"/>
        <source>The demo portfolio needs at least one customer.</source>
        <translation>示範客戶清單至少須有一家客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="130"/>
        <source>Demo data can only be generated into an empty database.</source>
        <translation>示範資料只能產生到空白的資料庫中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="132"/>
        <source>The database already holds {count} customers.</source>
        <translation>資料庫中已有 {count} 家客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="10"/>
        <source>The file cannot be read as a receivables export. Nothing was imported.</source>
        <translation>無法將此檔案讀取為應收帳款匯出檔。未匯入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="12"/>
        <source>The file has {count} problems that concern all of it (totals that do not add up, dates that read two ways, lost letters). Nothing was imported.</source>
        <translation>此檔案有 {count} 個涉及整個檔案的問題（合計金額不符、日期有兩種讀法、文字遺失）。未匯入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="15"/>
        <source>This is a summary with one balance per customer and no invoices, so it is not imported as invoices. It can be loaded as opening balances on a date.</source>
        <translation>這是彙總表，每個客戶只有一筆餘額，沒有發票明細，因此無法以發票匯入。可改為匯入為某一日期的期初餘額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="18"/>
        <source>{count} rows have problems. Nothing was imported. Fix them, or import the other rows and skip these.</source>
        <translation>有 {count} 列有問題。未匯入任何資料。請修正這些列，或匯入其他列並略過這些列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="21"/>
        <source>The file holds no invoices. Nothing was imported.</source>
        <translation>此檔案中沒有任何發票。未匯入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="23"/>
        <source>There is no source called {source}.</source>
        <translation>沒有名為 {source} 的資料來源。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="24"/>
        <source>&quot;{name}&quot; cannot name a source: use 1 to {limit} characters.</source>
        <translation>「{name}」不能作為資料來源名稱：請使用 1 到 {limit} 個字元。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="27"/>
        <source>There is no collector “{collector}”.</source>
        <translation>找不到催收員「{collector}」。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="28"/>
        <source>There is no customer with the code “{customer_code}”.</source>
        <translation>找不到編號為「{customer_code}」的客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="30"/>
        <source>Customer {customer} is not assigned to this collector: assign it first or leave it off the route.</source>
        <translation>客戶 {customer} 並未指派給此催收員：請先指派，或將其從路線中移除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="33"/>
        <source>Customer {customer} is on the route twice (again at stop {stop}).</source>
        <translation>客戶 {customer} 在路線中出現兩次（第 {stop} 個拜訪點重複）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="35"/>
        <source>{count} stops are more than a day holds (at most {limit}).</source>
        <translation>{count} 個拜訪點超過一天可安排的數量（最多 {limit} 個）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="37"/>
        <source>“{text}” is not a time of day: type it as HH:MM, for example 08:30.</source>
        <translation>「{text}」不是有效的時間：請以 HH:MM 格式輸入，例如 08:30。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="40"/>
        <source>{bucket} is not an aging bucket; choose current, 1–30, 31–60, 61–90 or 90+.</source>
        <translation>{bucket} 不是有效的帳齡區間；請選擇未到期、1–30、31–60、61–90 或 90+。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="42"/>
        <source>A collector needs a name.</source>
        <translation>催收員必須填寫姓名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="43"/>
        <source>A collector&apos;s name has at most {max} characters, not {length}.</source>
        <translation>催收員姓名最多 {max} 個字元，目前為 {length} 個。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="45"/>
        <source>A collector&apos;s phone has at most {max} characters, not {length}.</source>
        <translation>催收員電話最多 {max} 個字元，目前為 {length} 個。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="47"/>
        <source>{language} is not a language a collector can use; choose one of {languages}.</source>
        <translation>{language} 不是催收員可使用的語言；請從 {languages} 中選擇一種。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="49"/>
        <source>There is no collector {collector}.</source>
        <translation>找不到催收員 {collector}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="50"/>
        <source>There is already a collector named {name}; choose another name.</source>
        <translation>已有名為 {name} 的催收員；請改用其他姓名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="52"/>
        <source>{name} has {count} customers and cannot be deleted. Deactivate the collector instead, or move the customers first.</source>
        <translation>{name} 名下有 {count} 家客戶，無法刪除。請改為停用此催收員，或先將這些客戶轉移給他人。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="55"/>
        <source>{name} appears in the assignment history or on routes and cannot be deleted. Deactivate the collector instead.</source>
        <translation>{name} 已出現在指派記錄或路線中，無法刪除。請改為停用此催收員。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="58"/>
        <source>{name} is not active. Activate the collector before assigning customers.</source>
        <translation>{name} 已停用。請先啟用此催收員，再指派客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="60"/>
        <source>No customer has the code {codes}.</source>
        <translation>找不到編號為 {codes} 的客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="61"/>
        <source>Choose the customers or a filter, not both.</source>
        <translation>請選擇客戶或篩選條件，不可兩者同時使用。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="63"/>
        <source>The matching customers changed since they were counted ({expected} then, {now} now). Nothing was assigned; check the list and try again.</source>
        <translation>符合條件的客戶在計算後已有變動（當時 {expected} 家，現在 {now} 家）。未指派任何客戶；請檢查清單後再試一次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="66"/>
        <source>This assignment cannot be found any more.</source>
        <translation>此次指派已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="68"/>
        <source>This assignment was already undone.</source>
        <translation>此次指派先前已復原。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="70"/>
        <source>This assignment cannot be undone: {count} of its customers changed collector since ({customers}). Nothing was undone.</source>
        <translation>無法復原此次指派：其中 {count} 家客戶之後已更換催收員（{customers}）。未復原任何內容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="74"/>
        <source>The office database already holds {count} customers.</source>
        <translation>公司端資料庫已有 {count} 家客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="76"/>
        <source>The office database {database} lacks the pg_trgm extension that customer search needs, and this account may not install it. The database owner has to run CREATE EXTENSION pg_trgm in it once.</source>
        <translation>公司端資料庫 {database} 缺少搜尋客戶所需的 pg_trgm 擴充功能，而此帳號無權安裝。請資料庫擁有者在其中執行一次 CREATE EXTENSION pg_trgm。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="80"/>
        <source>{url} is not a database address this program can use. Write it as postgresql+psycopg://user:password@host:5432/database.</source>
        <translation>{url} 不是本程式可用的資料庫位址。請寫成 postgresql+psycopg://user:password@host:5432/database。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="83"/>
        <source>The database server {server} cannot be reached. Check the address and that the server is running.</source>
        <translation>無法連線到資料庫伺服器 {server}。請檢查位址，並確認伺服器正在執行。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="86"/>
        <source>The database server {server} refused the user {user}. Check the user name and the password.</source>
        <translation>資料庫伺服器 {server} 拒絕了使用者 {user}。請檢查使用者名稱和密碼。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="89"/>
        <source>The database server {server} has no database named {database}.</source>
        <translation>資料庫伺服器 {server} 沒有名為 {database} 的資料庫。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="91"/>
        <source>The database server {server} refused the connection: {reason}</source>
        <translation>資料庫伺服器 {server} 拒絕了連線：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="93"/>
        <source>The demo opens a throwaway office of its own and never uses the database {url}.</source>
        <translation>示範會開啟自己的臨時公司端，絕不使用資料庫 {url}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="10"/>
        <source>This laptop&apos;s company certificate expired on {until}, so nothing was signed. Ask the office to enroll it again.</source>
        <translation>本機的公司憑證已於 {until} 到期，因此未簽署任何文件。請聯絡公司重新為本機註冊。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="13"/>
        <source>This file is not a fieldapp bundle.</source>
        <translation>此檔案不是 fieldapp 資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="15"/>
        <source>The bundle is too large to be read safely: {size} bytes where at most {limit} are allowed.</source>
        <translation>資料包過大，無法安全讀取：大小為 {size} 位元組，上限為 {limit} 位元組。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="18"/>
        <source>The bundle member {member} would inflate far more than a real file does, so it was not opened.</source>
        <translation>資料包中的檔案 {member} 解壓縮後會遠大於一般檔案應有的大小，因此未予開啟。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="21"/>
        <source>The bundle holds a member with a name that is not allowed: {member}.</source>
        <translation>資料包中含有名稱不允許的檔案：{member}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="23"/>
        <source>The bundle holds the member {member} twice.</source>
        <translation>資料包中的檔案 {member} 重複出現兩次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="25"/>
        <source>The bundle holds a member its list does not name: {member}.</source>
        <translation>資料包中含有內容清單未列出的檔案：{member}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="27"/>
        <source>The bundle lacks the member {member} that its list names.</source>
        <translation>資料包缺少內容清單所列的檔案 {member}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="29"/>
        <source>The bundle member {member} was changed after the bundle was signed.</source>
        <translation>資料包中的檔案 {member} 在資料包簽署後遭到變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="31"/>
        <source>The bundle&apos;s signature does not verify: it was changed or damaged.</source>
        <translation>資料包的簽章驗證失敗：資料包已遭變更或損壞。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="33"/>
        <source>The bundle was signed by {signer}, whose certificate the company did not issue.</source>
        <translation>資料包由 {signer} 簽署，但其憑證並非公司核發。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="36"/>
        <source>The certificate of {signer} is not valid now.</source>
        <translation>{signer} 的憑證目前無效。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="38"/>
        <source>The bundle was signed by {signer}, a laptop the office revoked.</source>
        <translation>資料包由 {signer} 簽署，而該電腦已被公司撤銷。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="40"/>
        <source>The bundle was made by a newer fieldapp (format {format}; this one reads up to {known}). Install the newer version.</source>
        <translation>此資料包由較新版本的 fieldapp 產生（格式 {format}；目前版本最高僅能讀取 {known}）。請安裝較新版本。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="43"/>
        <source>The bundle&apos;s list of contents is not valid.</source>
        <translation>資料包的內容清單無效。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="45"/>
        <source>The bundle says it comes from another laptop than the one that signed it.</source>
        <translation>資料包標示的來源電腦與簽署它的電腦不同。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="47"/>
        <source>This is not the kind of bundle expected here.</source>
        <translation>這不是此處所需類型的資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="49"/>
        <source>{file} is not a certificate request from fieldapp.</source>
        <translation>{file} 不是 fieldapp 產生的憑證要求檔。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="51"/>
        <source>The office already has a company CA; it is never replaced.</source>
        <translation>公司端已有公司 CA，且永遠不會更換。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="53"/>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation>密碼片語至少須有 {minimum} 個字元。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="55"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>兩次輸入的密碼片語不一致；未建立任何項目。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="57"/>
        <source>The company CA&apos;s passphrase is needed.</source>
        <translation>需要輸入公司 CA 的密碼片語。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="59"/>
        <source>The office has no company CA yet: create it first.</source>
        <translation>公司端尚未建立公司 CA：請先建立。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="61"/>
        <source>The office key file {path} cannot be read.</source>
        <translation>無法讀取公司端的金鑰檔案 {path}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="63"/>
        <source>The passphrase does not open the company CA&apos;s key.</source>
        <translation>此密碼片語無法開啟公司 CA 的金鑰。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="65"/>
        <source>{file} is not a valid enrollment answer.</source>
        <translation>{file} 不是有效的註冊回覆檔。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="67"/>
        <source>This enrollment answer is for another laptop; nothing was installed.</source>
        <translation>此註冊回覆檔是給另一台電腦的；未安裝任何項目。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="69"/>
        <source>This laptop is enrolled with another company ({company}); nothing was installed.</source>
        <translation>本機已向另一家公司（{company}）註冊；未安裝任何項目。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="72"/>
        <source>There is no collector named {collector}.</source>
        <translation>沒有名為 {collector} 的催收員。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="74"/>
        <source>This laptop was revoked and cannot be enrolled again.</source>
        <translation>這台電腦已被撤銷，無法再次註冊。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="76"/>
        <source>This laptop is enrolled with another key; revoke it first.</source>
        <translation>這台電腦已使用另一把金鑰註冊；請先將其撤銷。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="78"/>
        <source>There is no enrolled laptop {device}.</source>
        <translation>沒有裝置 ID 為 {device} 的已註冊電腦。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="80"/>
        <source>{device} matches {count} laptops; give more of the id.</source>
        <translation>「{device}」符合 {count} 台電腦；請輸入更完整的裝置 ID。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="97"/>
        <source>“{field}” is not a field of a column mapping. The fields are: {fields}.</source>
        <translation>「{field}」不是欄位對應的資料項目。資料項目有：{fields}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="99"/>
        <source>The column of {field} has no name: give its header as the file has it.</source>
        <translation>{field} 的欄沒有名稱：請照檔案中的欄標題填寫。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="101"/>
        <source>Choose the column of the customer code or name.</source>
        <translation>請選擇客戶編號或客戶名稱的欄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="103"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation>請至少選擇一個金額欄：金額、未收金額、借方、貸方或餘額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="106"/>
        <source>The column “{header}” is chosen for two fields: choose each column once.</source>
        <translation>欄「{header}」被選給了兩個資料項目：每個欄只能選一次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="108"/>
        <source>“{dates}” is not a date order. Use one of: {orders}.</source>
        <translation>「{dates}」不是日期順序。請使用下列之一：{orders}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="110"/>
        <source>The decimal mark “{decimal}” and the group mark “{group}” cannot be read together.</source>
        <translation>小數點「{decimal}」與千分位符號「{group}」無法一起判讀。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="113"/>
        <source>The header line is counted from 1, not {line}.</source>
        <translation>標題列從 1 起算，不能是 {line}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="83"/>
        <source>{collector} has no enrolled laptop; enroll one before making a pack.</source>
        <translation>催收員 {collector} 尚無已註冊的電腦；請先註冊一台再製作指派資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="85"/>
        <source>The assignment pack is damaged and was not applied.</source>
        <translation>指派資料包已損壞，未套用。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="87"/>
        <source>This assignment pack is for another laptop.</source>
        <translation>此指派資料包是給另一台電腦的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="89"/>
        <source>This assignment pack is not newer than the one already applied.</source>
        <translation>此指派資料包並不比已套用的更新。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="91"/>
        <source>This assignment pack expired on {expired}; ask the office for a new one.</source>
        <translation>此指派資料包已於 {expired} 過期；請向公司索取新的資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="93"/>
        <source>This laptop is not enrolled with the office yet.</source>
        <translation>本機尚未向公司註冊。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="96"/>
        <source>This acknowledgement is for another laptop. Nothing was removed.</source>
        <translation>此確認回條是給另一台電腦的。未刪除任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="98"/>
        <source>This acknowledgement covers more than this laptop has sent. Nothing was removed.</source>
        <translation>此確認回條涵蓋的超過本機已送出的資料。未刪除任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="101"/>
        <source>The records in this bundle cannot be imported: {reason}</source>
        <translation>無法匯入此資料包中的紀錄：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="103"/>
        <source>This laptop sent two different bundles with the same number.</source>
        <translation>這台電腦送出了兩個編號相同但內容不同的資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="105"/>
        <source>This laptop is not enrolled with this office.</source>
        <translation>這台電腦尚未向本公司註冊。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="107"/>
        <source>There is no bundle file in {path}.</source>
        <translation>{path} 中沒有資料包檔案。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="116"/>
        <source>This bundle is no longer waiting: it was imported or discarded meanwhile.</source>
        <translation>此資料包已不在等待中：在此期間它已被匯入或捨棄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="119"/>
        <source>The sync folder {folder} cannot be found (a drive not connected, or the folder moved?). Nothing was imported.</source>
        <translation>找不到同步資料夾 {folder}（磁碟未連接，或資料夾已移動？）。未匯入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="123"/>
        <source>Type the phone number.</source>
        <translation>請輸入電話號碼。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="124"/>
        <source>The phone number is too long: at most {max} characters.</source>
        <translation>電話號碼過長：最多 {max} 個字元。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="126"/>
        <source>This is not a phone number: use digits (at least 6), spaces and + - ( ) . / only.</source>
        <translation>這不是電話號碼：只能使用數字（至少 6 位）、空格及 + - ( ) . /。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="129"/>
        <source>Type the contact&apos;s name.</source>
        <translation>請輸入聯絡人的姓名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="130"/>
        <source>The name is too long: at most {max} characters.</source>
        <translation>姓名過長：最多 {max} 個字元。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="132"/>
        <source>Type the address line.</source>
        <translation>請輸入地址。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="133"/>
        <source>The address is too long: at most {max} characters per line.</source>
        <translation>地址過長：每行最多 {max} 個字元。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="135"/>
        <source>This detail cannot be changed on a laptop.</source>
        <translation>此資料項目無法在電腦上變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="137"/>
        <source>This customer is no longer on this computer.</source>
        <translation>此客戶已不在這台電腦上。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="139"/>
        <source>This contact is no longer on this computer.</source>
        <translation>此聯絡人已不在這台電腦上。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="141"/>
        <source>The customer already has a contact called {name}: change that one&apos;s phone.</source>
        <translation>此客戶已有名為 {name} 的聯絡人：請改為變更該聯絡人的電話。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="143"/>
        <source>Choose the office&apos;s value, the laptop&apos;s value or type one.</source>
        <translation>請選擇公司端的值、電腦端的值，或自行輸入一個值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="145"/>
        <source>Type the value to keep.</source>
        <translation>請輸入要保留的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="146"/>
        <source>This conflict no longer exists.</source>
        <translation>此衝突已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="147"/>
        <source>This conflict was already resolved, perhaps by another supervisor.</source>
        <translation>此衝突已處理，可能是由另一位主管處理的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="149"/>
        <source>The customer is no longer in the office&apos;s records: keep the office&apos;s value.</source>
        <translation>此客戶已不在公司端的記錄中：請保留公司端的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="152"/>
        <source>This assignment pack holds changes to a version this laptop does not hold. Nothing was changed; ask the office for a full pack.</source>
        <translation>此指派資料包所含的變更是針對本機沒有的版本。未變更任何資料；請向公司索取完整的指派資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="110"/>
        <source>No sync folder is set. Choose one in Settings.</source>
        <translation>尚未設定同步資料夾。請在「設定」中選擇。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="112"/>
        <source>The sync folder {path} is not there. Connect the drive or plug in the USB stick, then sync again. Nothing was changed.</source>
        <translation>同步資料夾 {path} 不存在。請連接磁碟或插入 USB 隨身碟，然後再同步一次。未變更任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="115"/>
        <source>The sync folder {path} cannot be read or written: {reason}. What was done is kept; the next sync does the rest.</source>
        <translation>無法讀取或寫入同步資料夾 {path}：{reason}。已完成的部分會保留；下次同步時會完成其餘部分。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="118"/>
        <source>The file {file} in the sync folder cannot be read: {reason}. It was left there.</source>
        <translation>無法讀取同步資料夾中的檔案 {file}：{reason}。該檔案已留在原處。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="156"/>
        <source>The period ends on {last}, before it starts on {first}.</source>
        <translation>期間的結束日 {last} 早於開始日 {first}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="158"/>
        <source>The period from {first} to {last} is longer than {days} days.</source>
        <translation>{first} 至 {last} 的期間超過 {days} 天。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="160"/>
        <source>There is no collector named “{collector}”.</source>
        <translation>沒有名為「{collector}」的催收員。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="122"/>
        <source>This passphrase or PIN is not the right one.</source>
        <translation>此密碼片語或 PIN 碼不正確。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="124"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation>輸入錯誤次數過多。請等待 {seconds} 秒後再試。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="126"/>
        <source>The key file of this profile cannot be read ({path}): the profile cannot be opened.</source>
        <translation>無法讀取此使用者資料的金鑰檔案（{path}）：無法開啟使用者資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="129"/>
        <source>The key file of this profile is missing ({path}). The database is not damaged, but it is encrypted and cannot be opened without its key file, not even with the right PIN. Put back the copy of the key file from where it was copied, next to the database, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation>找不到此使用者資料的金鑰檔案（{path}）。資料庫並未損壞，但已加密，沒有金鑰檔案就無法開啟，即使輸入正確的 PIN 碼也不行。請從當初複製金鑰檔案的位置取回副本，放回資料庫旁，或請主管以新的使用者資料為本機重新註冊。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="134"/>
        <source>The passphrase or PIN must have at least {least} characters.</source>
        <translation>密碼片語或 PIN 碼至少須有 {least} 個字元。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="136"/>
        <source>The profile could not be encrypted ({reason}). It was left as it was.</source>
        <translation>無法加密使用者資料（{reason}）。資料保持原狀，未作任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="138"/>
        <source>This profile is encrypted and no passphrase was given.</source>
        <translation>此使用者資料已加密，但未輸入密碼片語。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="140"/>
        <source>The two passphrases are not the same.</source>
        <translation>兩次輸入的密碼片語不一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="163"/>
        <source>This is not a review state: choose approved, has issues or rejected.</source>
        <translation>這不是審核狀態：請選擇已核准、有問題或已退回。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="165"/>
        <source>Say why the record is rejected: a reason is required.</source>
        <translation>請說明退回此記錄的原因：必須填寫原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="167"/>
        <source>Write the comment first.</source>
        <translation>請先填寫意見。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="168"/>
        <source>The text is too long ({length} characters; at most {max}).</source>
        <translation>文字過長（{length} 個字元；最多 {max} 個字元）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="170"/>
        <source>{expected} records matched when you confirmed, {found} match now. Nothing was changed; look at the list again.</source>
        <translation>確認時有 {expected} 筆記錄符合條件，現在有 {found} 筆符合。未做任何變更；請重新檢視清單。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="173"/>
        <source>The comment to correct is not a comment on this record.</source>
        <translation>要更正的意見不是此記錄的意見。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="175"/>
        <source>No imported record has the id {id}.</source>
        <translation>沒有 ID 為 {id} 的已匯入記錄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="177"/>
        <source>Several imported records start with {id}; type more of the id.</source>
        <translation>有多筆已匯入記錄的 ID 以 {id} 開頭；請輸入更完整的 ID。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="180"/>
        <source>The database server {server} accepts encrypted connections only. Ask the administrator for the connection address with the certificate settings.</source>
        <translation>資料庫伺服器 {server} 只接受加密連線。請向管理員索取含憑證設定的連線位址。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="183"/>
        <source>The database server {server} could not be verified: its certificate is not the one the office expects. Nothing was sent to it.</source>
        <translation>無法驗證資料庫伺服器 {server}：其憑證並非公司端預期的憑證。未傳送任何資料給該伺服器。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="186"/>
        <source>The account {user} may not prepare the database {database} on {server} for this version. The administrator opens it once with the owner&apos;s account first. Nothing was changed.</source>
        <translation>帳號 {user} 無權為此版本準備伺服器 {server} 上的資料庫 {database}。需由管理員先以擁有者的帳號開啟一次。未做任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="191"/>
        <source>This is not the passphrase of the office database {database}. Nothing was changed.</source>
        <translation>這不是公司端資料庫 {database} 的密碼片語。未做任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="194"/>
        <source>The key file of the encrypted office database {database} is missing ({path}): the database cannot be opened.</source>
        <translation>找不到已加密的公司端資料庫 {database} 的金鑰檔案（{path}）：無法開啟資料庫。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="197"/>
        <source>The key file of the office database {database} cannot be read: the database cannot be opened.</source>
        <translation>無法讀取公司端資料庫 {database} 的金鑰檔案：無法開啟資料庫。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="200"/>
        <source>The office database {database} could not be encrypted ({reason}). It was left as it was.</source>
        <translation>無法加密公司端資料庫 {database}（{reason}）。資料庫保持原狀，未作任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="203"/>
        <source>The office database {database} is encrypted and no passphrase was given.</source>
        <translation>公司端資料庫 {database} 已加密，但未輸入密碼片語。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="205"/>
        <source>The office database {path} already exists and is not encrypted. Encrypt it with the command &quot;fieldapp office encrypt&quot;, which makes a backup first.</source>
        <translation>公司端資料庫 {path} 已存在且未加密。請使用「fieldapp office encrypt」指令加密，該指令會先建立備份。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="208"/>
        <source>The office database {path} is not encrypted.</source>
        <translation>公司端資料庫 {path} 未加密。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="210"/>
        <source>The office database {path} is already encrypted.</source>
        <translation>公司端資料庫 {path} 已加密，無須再次加密。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="212"/>
        <source>The two new passphrases are not the same. The old one still opens the office database.</source>
        <translation>兩次輸入的新密碼片語不一致。公司端資料庫仍以舊的密碼片語開啟。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="215"/>
        <source>The office database {path} is open in another fieldapp window or command. Close it first. Nothing was changed.</source>
        <translation>公司端資料庫 {path} 已在另一個 fieldapp 視窗或指令中開啟。請先將其關閉。未做任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="218"/>
        <source>The office database at {url} is on a PostgreSQL server: only an office database file can be encrypted here. A server is protected by its accounts and encrypted connections.</source>
        <translation>位於 {url} 的公司端資料庫在 PostgreSQL 伺服器上：這裡只能加密公司端資料庫檔案。伺服器是由其帳號與加密連線保護。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="223"/>
        <source>No installment agreement was recorded on {day}. There is nothing to print.</source>
        <translation>{day} 沒有記錄任何分期付款協議。沒有可列印的內容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="225"/>
        <source>No installment agreement was recorded on {day} for the customers on the route of {collector}. There is nothing to print.</source>
        <translation>{day} 沒有為催收員 {collector} 路線上的客戶記錄任何分期付款協議。沒有可列印的內容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="228"/>
        <source>{collector} has no route on {day}, so there are no customers to print for.</source>
        <translation>催收員 {collector} 在 {day} 沒有路線，因此沒有可列印的客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="230"/>
        <source>No customer of {collector} has an open invoice. There is no statement to print.</source>
        <translation>催收員 {collector} 的客戶都沒有未結發票。沒有可列印的對帳單。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="233"/>
        <source>Choose the customers first: a collector, a route or customer codes.</source>
        <translation>請先選擇客戶：催收員、路線或客戶編號。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="236"/>
        <source>{state} is not a receipt state; use {states}.</source>
        <translation>{state} 不是收款收據的狀態；請使用 {states}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="238"/>
        <source>Say why the receipt is voided: a reason is required.</source>
        <translation>請說明作廢此收款收據的原因：必須填寫原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="240"/>
        <source>The reason is too long ({length} characters; at most {max}).</source>
        <translation>原因太長（{length} 個字元；最多 {max} 個）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="242"/>
        <source>{expected} receipts were pending when you confirmed, {found} are now. Nothing was changed; look at the list again.</source>
        <translation>確認時有 {expected} 張收款收據待確認，現在有 {found} 張。未做任何變更；請重新檢視清單。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="245"/>
        <source>Choose at least one receipt.</source>
        <translation>請至少選擇一張收款收據。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="246"/>
        <source>There is no receipt {receipt}.</source>
        <translation>找不到收款收據 {receipt}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="247"/>
        <source>Receipt {receipt} was already confirmed, matched or voided; nothing was changed.</source>
        <translation>收款收據 {receipt} 已確認、已對帳或已作廢；未做任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="249"/>
        <source>The period&apos;s first day {text} is not a date.</source>
        <translation>期間的第一天 {text} 不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="251"/>
        <source>The period&apos;s last day {text} is not a date.</source>
        <translation>期間的最後一天 {text} 不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="253"/>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <translation>期間的結束日（{last}）早於開始日（{first}）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="255"/>
        <source>{kind} is not a kind of export; use {kinds}.</source>
        <translation>{kind} 不是匯出的種類；請使用 {kinds}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="257"/>
        <source>Choose at least one kind of record to export.</source>
        <translation>請至少選擇一種要匯出的記錄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="259"/>
        <source>{format} is not an export format; use {formats}.</source>
        <translation>{format} 不是匯出格式；請使用 {formats}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="261"/>
        <source>{path} is a folder; name the file to write.</source>
        <translation>{path} 是資料夾；請指定要寫入的檔案名稱。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="263"/>
        <source>{path} cannot be written: {reason}</source>
        <translation>無法寫入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="266"/>
        <source>There is no queue called {queue}. The queues are: {queues}.</source>
        <translation>沒有名為 {queue} 的待辦佇列。待辦佇列有：{queues}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="268"/>
        <source>Name the person who will resolve the dispute.</source>
        <translation>請填寫負責解決此爭議的處理人。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="270"/>
        <source>Write the root cause you found before resolving the dispute.</source>
        <translation>解決爭議前，請先填寫您查明的根本原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="272"/>
        <source>No open dispute has the id {id}.</source>
        <translation>找不到編號為 {id} 且尚未解決的爭議。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="273"/>
        <source>Several disputes start with {id}; type more of the id.</source>
        <translation>有多筆爭議的編號以 {id} 開頭；請輸入更多位編號。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="275"/>
        <source>This dispute was already resolved ({at}), perhaps by another supervisor.</source>
        <translation>此爭議已解決（{at}），可能是由另一位主管處理的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="277"/>
        <source>This is not a refusal heading for the legal route.</source>
        <translation>這不是將轉交法律途徑的拒絕付款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="143"/>
        <source>The key file {path} does not belong to this database: the PIN opens it, but its key opens neither the database nor any of its backups. Put back the database&apos;s own key file from where it was copied, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation>金鑰檔案 {path} 不屬於此資料庫：PIN 碼可以開啟此檔案，但其中的金鑰無法開啟資料庫，也無法開啟任何備份。請從當初複製的位置取回此資料庫原本的金鑰檔案並放回，或請主管以新的使用者資料為本機重新註冊。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="139"/>
        <source>Something went wrong (error {code}).</source>
        <translation>發生錯誤（錯誤代碼 {code}）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="140"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>發生錯誤；詳細資訊請見日誌檔。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="141"/>
        <source>A file could not be read or written: {reason}</source>
        <translation>無法讀取或寫入檔案：{reason}</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="39"/>
        <source>Attach photo…</source>
        <translation>附加照片…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="40"/>
        <source>Attach files…</source>
        <translation>附加檔案…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="54"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="55"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)</source>
        <translation>照片與文件 (*.jpg *.jpeg *.png *.heic *.pdf);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="101"/>
        <source>Nothing attached</source>
        <translation>尚無附件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="108"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="109"/>
        <source>Remove this file</source>
        <translation>移除此檔案</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>Workbook (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="82"/>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="119"/>
        <source>Export to accounting</source>
        <translation>匯出至會計</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="103"/>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/export_dialog.py" line="108"/>
        <source>%n row(s) written</source>
        <translation>
            <numerusform>已寫入 %n 列</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="110"/>
        <source>Nothing new: every record of the period was exported before.</source>
        <translation>沒有新資料：此期間的所有記錄先前皆已匯出。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>From</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>To</source>
        <translation>結束日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Records</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="122"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="124"/>
        <source>Confirmed money taken on site</source>
        <translation>已確認的當場收款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="125"/>
        <source>Promises to pay</source>
        <translation>付款承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="126"/>
        <source>Installment lines</source>
        <translation>分期款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="129"/>
        <source>CSV (one file per kind)</source>
        <translation>CSV（每種一個檔案）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="130"/>
        <source>Excel workbook (one sheet per kind)</source>
        <translation>Excel 活頁簿（每種一個工作表）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="132"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="133"/>
        <source>Include records exported before (marked with their first export)</source>
        <translation>包含先前已匯出的記錄（會標示其首次匯出）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="135"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="43"/>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="78"/>
        <source>Choose the export</source>
        <translation>選擇匯出檔</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="44"/>
        <source>The receivables as the accounting program exports them.</source>
        <translation>會計軟體匯出的應收帳款資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="46"/>
        <source>Choose a CSV or Excel file exported from the accounting program: an open-items list, an aging report or a customer ledger. You can also drop the file on this page. Nothing is written before the preview.</source>
        <translation>請選擇從會計軟體匯出的 CSV 或 Excel 檔案：未結項目清單、帳齡報表或客戶明細帳。也可以將檔案拖放到此頁面。預覽之前不會寫入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="49"/>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="50"/>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="67"/>
        <source>This is a folder: choose a file in it.</source>
        <translation>這是資料夾：請選擇其中的檔案。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="69"/>
        <source>There is no such file.</source>
        <translation>檔案不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="79"/>
        <source>Exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>匯出檔 (*.csv *.txt *.xlsx *.xlsm);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>FileTabs</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="39"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="76"/>
        <source>No contacts</source>
        <translation>尚無聯絡人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="45"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="79"/>
        <source>No contracts</source>
        <translation>尚無合約</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="42"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="82"/>
        <source>No payments</source>
        <translation>尚無付款記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="54"/>
        <source>No invoices</source>
        <translation>尚無發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="101"/>
        <source>No deliveries</source>
        <translation>尚無送貨記錄</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="20"/>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="21"/>
        <source>1–30 days late</source>
        <translation>逾期天數 1–30 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="22"/>
        <source>31–60 days late</source>
        <translation>逾期天數 31–60 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="23"/>
        <source>61–90 days late</source>
        <translation>逾期天數 61–90 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="24"/>
        <source>Over 90 days late</source>
        <translation>逾期天數超過 90 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="111"/>
        <source>Not an amount: type digits, e.g. 5,000,000</source>
        <translation>不是有效的金額：請輸入數字，例如 5,000,000</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="133"/>
        <source>All collectors</source>
        <translation>全部催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="134"/>
        <source>No collector</source>
        <translation>未指派催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="135"/>
        <source>Any age</source>
        <translation>不限帳齡</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="138"/>
        <source>Customers with an open invoice of this age</source>
        <translation>有此帳齡未結發票的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="139"/>
        <source>Overdue above</source>
        <translation>逾期金額高於</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="140"/>
        <source>amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="141"/>
        <source>Disputed</source>
        <translation>爭議中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="142"/>
        <source>Customers with an open invoice in dispute</source>
        <translation>有未結發票存在爭議的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="143"/>
        <source>Clear filters</source>
        <translation>清除篩選條件</translation>
    </message>
</context>
<context>
    <name>Finisher</name>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="36"/>
        <source>Finalize the record</source>
        <translation>完成並鎖定記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="37"/>
        <source>A finalized visit cannot be changed; corrections become amendments.

Finalize it now?</source>
        <translation>已完成的拜訪記錄不能再變更，之後的更正將以修訂方式處理。

確定現在完成嗎？</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="40"/>
        <source>&amp;Finalize</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="47"/>
        <source>Finalizing…</source>
        <translation>正在完成記錄…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="89"/>
        <source>Not finalized</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="97"/>
        <source>Finalized — receipt %1</source>
        <translation>已完成 — 收據 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="98"/>
        <location filename="../fieldapp/ui/visit/finish.py" line="124"/>
        <source>Finalized</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="103"/>
        <source>&amp;Open the visit record</source>
        <translation>開啟拜訪記錄(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="104"/>
        <source>The signed record (PDF): show it to the customer or print it</source>
        <translation>已簽名的記錄（PDF）：可出示給客戶或列印</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="107"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="139"/>
        <source>Open the agreement %1</source>
        <translation>開啟協議書 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="141"/>
        <source>Open the receipt %1</source>
        <translation>開啟收據 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="155"/>
        <source>Discard the draft</source>
        <translation>刪除草稿</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="156"/>
        <source>Discard this unfinished record? What was typed is lost.</source>
        <translation>要刪除這份未完成的記錄嗎？已輸入的內容將會遺失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="158"/>
        <source>&amp;Discard</source>
        <translation>刪除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="17"/>
        <source>Promise to pay</source>
        <translation>付款承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="18"/>
        <source>Installment</source>
        <translation>分期款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="19"/>
        <source>Dispute</source>
        <translation>爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="20"/>
        <source>Revisit after absence</source>
        <translation>客戶不在，需再訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="21"/>
        <source>Planned follow-up</source>
        <translation>預定追蹤</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="43"/>
        <source>Follow-up</source>
        <translation>追蹤類型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="45"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="47"/>
        <source>When</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="49"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="50"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="53"/>
        <source>Paid</source>
        <translation>已付金額</translation>
    </message>
</context>
<context>
    <name>FollowUpStrip</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="36"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 項</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="37"/>
        <source>Follow-ups:</source>
        <translation>待追蹤事項：</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="21"/>
        <source>paid %1</source>
        <translation>已付 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="89"/>
        <source>Follow-ups</source>
        <translation>待追蹤事項</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="91"/>
        <source>%n items: promises due or broken, disputes, revisits</source>
        <translation>
            <numerusform>共 %n 項：到期或未兌現的承諾、爭議、再訪</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="93"/>
        <source>Nothing to follow up today.</source>
        <translation>今天沒有需要追蹤的事項。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="91"/>
        <source>Earlier visits, calls and promises</source>
        <translation>以往的拜訪、電話與承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="92"/>
        <source>No earlier visits or calls recorded.</source>
        <translation>尚無以往的拜訪或電話記錄。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="52"/>
        <source>Import receivables</source>
        <translation>匯入應收帳款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="53"/>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="14"/>
        <source>Customer code</source>
        <translation>客戶編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="15"/>
        <source>Customer name</source>
        <translation>客戶名稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="16"/>
        <source>Document number</source>
        <translation>單據號碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="17"/>
        <source>Document date</source>
        <translation>單據日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="18"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="19"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="20"/>
        <source>Open amount</source>
        <translation>未付金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="21"/>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="22"/>
        <location filename="../fieldapp/ui/office/import_words.py" line="57"/>
        <source>Credit</source>
        <translation>貸方</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="23"/>
        <source>Balance</source>
        <translation>餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="24"/>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="25"/>
        <source>Settled on</source>
        <translation>結清日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="26"/>
        <source>Days late</source>
        <translation>逾期天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="29"/>
        <source>Invoice list with settlement dates</source>
        <translation>含結清日期的發票清單</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="30"/>
        <source>MISA – customer ledger (S31-DN)</source>
        <translation>MISA – 客戶明細帳（S31-DN）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="31"/>
        <source>MISA – customer balances (summary)</source>
        <translation>MISA – 客戶餘額（彙總）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="32"/>
        <source>Digiwin – receivables statement</source>
        <translation>鼎新 – 應收帳款對帳單</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="33"/>
        <source>Kingdee – receivables aging</source>
        <translation>金蝶 – 應收帳款帳齡</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="34"/>
        <source>Yonyou – customer ledger</source>
        <translation>用友 – 客戶明細帳</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="35"/>
        <source>Odoo – aged partner balance (detail)</source>
        <translation>Odoo – 業務夥伴帳齡餘額（明細）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="36"/>
        <source>Odoo – aged partner balance (summary)</source>
        <translation>Odoo – 業務夥伴帳齡餘額（彙總）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="38"/>
        <source>ERPNext – accounts receivable</source>
        <translation>ERPNext – 應收帳款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="39"/>
        <source>SAP – customer line items (FBL5N)</source>
        <translation>SAP – 客戶明細項目（FBL5N）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="40"/>
        <source>QuickBooks – A/R aging detail</source>
        <translation>QuickBooks – 應收帳款帳齡明細</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="41"/>
        <source>QuickBooks – A/R aging summary</source>
        <translation>QuickBooks – 應收帳款帳齡彙總</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="42"/>
        <source>Plain invoice list</source>
        <translation>簡單發票清單</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="45"/>
        <source>Settled by the rows</source>
        <translation>依各列資料自動判斷</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="46"/>
        <source>Day/month/year (31/05/2025)</source>
        <translation>日/月/年（31/05/2025）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="47"/>
        <source>Month/day/year (05/31/2025)</source>
        <translation>月/日/年（05/31/2025）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="48"/>
        <source>Year/month/day (2025-05-31)</source>
        <translation>年/月/日（2025-05-31）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="49"/>
        <source>Taiwan (ROC) year (114/05/31)</source>
        <translation>民國年（114/05/31）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="52"/>
        <source>1,234.5 (point for decimals)</source>
        <translation>1,234.5（小數點為「.」）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="53"/>
        <source>1.234,5 (comma for decimals)</source>
        <translation>1.234,5（小數點為「,」）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="56"/>
        <source>Invoice</source>
        <translation>發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="58"/>
        <source>Opening balance</source>
        <translation>期初餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="61"/>
        <source>The file is empty.</source>
        <translation>檔案是空的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="62"/>
        <source>The file is not text: export the report as CSV or as an Excel workbook.</source>
        <translation>此檔案不是文字檔：請將報表匯出為 CSV 或 Excel 活頁簿。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="64"/>
        <source>The file&apos;s letters are in no encoding fieldapp reads (UTF-8, Windows-1258, Big5, GB18030): export it as CSV UTF-8.</source>
        <translation>此檔案的文字編碼不是 fieldapp 可讀取的編碼（UTF-8、Windows-1258、Big5、GB18030）：請匯出為 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="67"/>
        <source>The file is {size} bytes; at most {limit} bytes are read.</source>
        <translation>此檔案大小為 {size} 位元組；最多只能讀取 {limit} 位元組。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="69"/>
        <source>This is an old Excel .xls file: save it as .xlsx or CSV and choose that file.</source>
        <translation>這是舊版 Excel .xls 檔案：請另存為 .xlsx 或 CSV，再選擇該檔案。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="72"/>
        <source>The file is named like an Excel workbook but is not one.</source>
        <translation>此檔案的副檔名是 Excel 活頁簿，但實際上並不是。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="74"/>
        <source>No header row with the columns of this source was found in the first {rows} rows: choose another source or adjust the columns.</source>
        <translation>前 {rows} 列中找不到含有此資料來源各欄的標題列：請選擇其他資料來源，或調整各欄的對應。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="77"/>
        <source>The columns match no known export: choose the source, then the columns.</source>
        <translation>這些欄與任何已知的匯出格式都不符：請先選擇資料來源，再指定各欄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="80"/>
        <source>There is no source called “{source}”.</source>
        <translation>沒有名為「{source}」的資料來源。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="82"/>
        <source>The workbook cannot be opened: {reason}</source>
        <translation>無法開啟活頁簿：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="84"/>
        <source>The workbook was refused as unsafe: {reason}</source>
        <translation>活頁簿不安全，已拒絕開啟：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="86"/>
        <source>The workbook has no sheet “{sheet}”. Its sheets are: {sheets}</source>
        <translation>活頁簿中沒有工作表「{sheet}」。現有工作表：{sheets}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="88"/>
        <source>{column} is empty.</source>
        <translation>{column} 是空白的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="89"/>
        <source>“{text}” is not an amount.</source>
        <translation>「{text}」不是有效的金額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="90"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>「{text}」的小數位數超過 {currency} 允許的位數。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="92"/>
        <source>“{text}” is not a date.</source>
        <translation>「{text}」不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="93"/>
        <source>The dates of this column read both as day/month and as month/day: choose the date order.</source>
        <translation>此欄的日期既可讀作日/月，也可讀作月/日：請選擇日期順序。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="96"/>
        <source>“{text}” is not a currency fieldapp handles.</source>
        <translation>「{text}」不是 fieldapp 支援的幣別。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="98"/>
        <source>Document {document} of customer {customer} is already on line {first}.</source>
        <translation>客戶 {customer} 的單據 {document} 已出現在第 {first} 列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="100"/>
        <source>The file&apos;s total {declared} {currency} differs from the sum of its rows, {computed} {currency}.</source>
        <translation>檔案中的合計 {declared} {currency} 與各列加總 {computed} {currency} 不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="103"/>
        <source>“{text}” has question marks inside words: the export lost its letters. Export the report as CSV UTF-8.</source>
        <translation>「{text}」的文字中夾雜問號：匯出時文字已遺失。請將報表匯出為 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="106"/>
        <source>{count} text cells were typed in the old {encoding} Vietnamese font and were converted, for example “{example}”. Check the names.</source>
        <translation>有 {count} 個文字儲存格是以舊式 {encoding} 越南文字型輸入，已自動轉換，例如「{example}」。請檢查名稱是否正確。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="110"/>
        <source>This cannot be read (problem {code}).</source>
        <translation>無法讀取（問題代碼 {code}）。</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="13"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="15"/>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="17"/>
        <source>Has issues</source>
        <translation>有問題</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="19"/>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="31"/>
        <source>The document carries no signature.</source>
        <translation>此文件沒有電子簽章。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="34"/>
        <source>Signature intact: nothing changed since signing.</source>
        <translation>簽章完好：簽署後未經任何變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="36"/>
        <source>Signature broken: the document was changed after signing.</source>
        <translation>簽章已失效：文件在簽署後遭到變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="39"/>
        <source>Chain not checked: this office has no company certificate yet.</source>
        <translation>未檢查憑證鏈：公司端尚未建立公司憑證。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="42"/>
        <source>Signed by %1, whose certificate chains to the company CA.</source>
        <translation>由 %1 簽署，其憑證可追溯至公司 CA。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="46"/>
        <source>Signed by %1, whose certificate does not chain to the company CA.</source>
        <translation>由 %1 簽署，但其憑證無法追溯至公司 CA。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="50"/>
        <source>Development certificate: fine for testing, not company evidence.</source>
        <translation>開發測試憑證：僅供測試，不能作為公司的證據。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="53"/>
        <source>QR code matches the record inside the document.</source>
        <translation>QR 碼與文件中的記錄相符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="56"/>
        <source>QR code does not match the record inside the document.</source>
        <translation>QR 碼與文件中的記錄不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="59"/>
        <source>QR code names a record missing from the document.</source>
        <translation>QR 碼所指的記錄不在文件中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="62"/>
        <source>No record QR code (not a record document).</source>
        <translation>沒有記錄 QR 碼（不是記錄文件）。</translation>
    </message>
</context>
<context>
    <name>InboxDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="134"/>
        <source>%1, by %2 on %3</source>
        <translation>%1（由 %2 於 %3 設定）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="147"/>
        <source>%1: amended (%2)</source>
        <translation>%1：已修訂（%2）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="150"/>
        <source>%1: original record</source>
        <translation>%1：原始記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="155"/>
        <source>%1 %2 set it to %3</source>
        <translation>%1 %2 將狀態設為 %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="159"/>
        <source>%1 %2 corrected a comment: %3</source>
        <translation>%1 %2 更正了一則意見：%3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="162"/>
        <source>%1 %2 commented: %3</source>
        <translation>%1 %2 留下意見：%3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="182"/>
        <source>&amp;Approve</source>
        <translation>核准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="183"/>
        <source>&amp;Has issues</source>
        <translation>有問題(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="184"/>
        <source>&amp;Reject…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="185"/>
        <source>A comment for the collector (comments cannot be changed later)</source>
        <translation>給催收員的意見（意見送出後無法修改）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="187"/>
        <source>Add comment</source>
        <translation>新增意見</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="188"/>
        <source>History</source>
        <translation>歷程記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="189"/>
        <source>This record has no document.</source>
        <translation>此記錄沒有文件。</translation>
    </message>
</context>
<context>
    <name>InboxFilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="80"/>
        <source>Everyone</source>
        <translation>全部催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="94"/>
        <source>&amp;Collector:</source>
        <translation>催收員(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="95"/>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="96"/>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="97"/>
        <source>&amp;State:</source>
        <translation>狀態(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="103"/>
        <source>Any outcome</source>
        <translation>不限結果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="105"/>
        <source>Any state</source>
        <translation>不限狀態</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="183"/>
        <source>Reject record</source>
        <translation>退回記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="184"/>
        <source>Why is this record rejected? The collector will read the reason.</source>
        <translation>為什麼退回此記錄？催收員會看到此原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="186"/>
        <source>A reason is required to reject a record.</source>
        <translation>退回記錄時必須填寫原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="222"/>
        <source>Approve all %1 matching records?</source>
        <translation>要核准全部 %1 筆符合條件的記錄嗎？</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="223"/>
        <source>Approve all</source>
        <translation>全部核准</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="242"/>
        <source>%1 matching · %2</source>
        <translation>符合條件：%1 筆 · %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Outcomes</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Comments</source>
        <translation>意見</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="249"/>
        <source>Approve all matching…</source>
        <translation>核准全部符合條件的記錄…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="250"/>
        <source>Show more</source>
        <translation>顯示更多</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="251"/>
        <source>No records to review here. Records appear when day bundles from the laptops are imported; change the filters to see others.</source>
        <translation>這裡沒有待審核的記錄。匯入各電腦的每日資料包後，記錄就會出現在這裡；變更篩選條件可查看其他記錄。</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="42"/>
        <source>Number</source>
        <translation>發票號碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="43"/>
        <source>Issued</source>
        <translation>開立日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="45"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="47"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="49"/>
        <source>Open balance</source>
        <translation>未付餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="52"/>
        <source>Days late</source>
        <translation>逾期天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="54"/>
        <source>Bucket</source>
        <translation>帳齡區間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="55"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="93"/>
        <source>Paid</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="97"/>
        <source>Disputed</source>
        <translation>爭議中</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="71"/>
        <source>No open invoices: everything is paid.
Untick “Open invoices only” to see the paid ones.</source>
        <translation>沒有未結發票：全部已付清。
取消勾選「僅顯示未結發票」即可查看已付清的發票。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="80"/>
        <source>%1: amount %2 · open balance %3</source>
        <translation>%1：金額 %2 · 未付餘額 %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="88"/>
        <source>Open invoices only</source>
        <translation>僅顯示未結發票</translation>
    </message>
</context>
<context>
    <name>KpiWords</name>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="12"/>
        <source>Collection effectiveness index (CEI)</source>
        <translation>催收效率指數 (CEI)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="13"/>
        <source>(Beginning receivables + credit sales / N − ending total receivables) / (beginning receivables + credit sales / N − ending current receivables) × 100</source>
        <translation>(期初應收帳款 + 賒銷 / N − 期末應收帳款總額) / (期初應收帳款 + 賒銷 / N − 期末未到期應收帳款) × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="16"/>
        <source>N = months in the period (Oracle, CRF); current = not yet due</source>
        <translation>N = 期間內的月數（Oracle、CRF）；「未到期」指尚未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="19"/>
        <source>CEI, whole period&apos;s sales</source>
        <translation>催收效率指數 (CEI)，以整個期間的銷售計算</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="20"/>
        <source>(Beginning receivables + credit sales − ending total receivables) / (beginning receivables + credit sales − ending current receivables) × 100</source>
        <translation>(期初應收帳款 + 賒銷 − 期末應收帳款總額) / (期初應收帳款 + 賒銷 − 期末未到期應收帳款) × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="23"/>
        <source>N = 1: the whole period&apos;s credit sales</source>
        <translation>N = 1：整個期間的賒銷</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="25"/>
        <source>Days sales outstanding (DSO)</source>
        <translation>應收帳款週轉天數 (DSO)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="26"/>
        <source>(Ending total receivables / credit sales) × days in the period</source>
        <translation>(期末應收帳款總額 / 賒銷) × 期間天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="28"/>
        <source>Conventional, gross receivables</source>
        <translation>傳統算法，應收帳款總額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="30"/>
        <source>DSO, countback</source>
        <translation>應收帳款週轉天數 (DSO)，倒推法</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="31"/>
        <source>Ending receivables less each month&apos;s credit sales, newest first, counting that month&apos;s days; the month that exceeds what is left counts left / sales of its days</source>
        <translation>期末應收帳款依序減去各月賒銷（由最近的月份起），每減一個月即計入該月天數；賒銷超過剩餘金額的那個月，計入 剩餘金額 / 該月賒銷 × 該月天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="34"/>
        <source>Calendar months ending on the period&apos;s last day</source>
        <translation>以期間最後一天為止的日曆月</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="36"/>
        <source>Best possible DSO</source>
        <translation>最佳可能 DSO</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="37"/>
        <source>(Current receivables / credit sales) × days in the period</source>
        <translation>(未到期應收帳款 / 賒銷) × 期間天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="39"/>
        <source>Current = not yet due on the period&apos;s last day</source>
        <translation>未到期 = 期間最後一天尚未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="41"/>
        <source>Average days delinquent</source>
        <translation>平均逾期天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="42"/>
        <source>DSO − best possible DSO</source>
        <translation>DSO − 最佳可能 DSO</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="43"/>
        <source>Both with the conventional DSO</source>
        <translation>兩者皆採用傳統算法的 DSO</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="45"/>
        <source>Receivables at the start</source>
        <translation>期初應收帳款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="46"/>
        <source>Open balances on the day before the period</source>
        <translation>期間開始前一天的未付餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="47"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="55"/>
        <source>Gross, by due date</source>
        <translation>總額，依到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="49"/>
        <source>Credit sales</source>
        <translation>賒銷</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="50"/>
        <source>Invoices issued in the period</source>
        <translation>期間內開立的發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="51"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="59"/>
        <source>Gross</source>
        <translation>總額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="53"/>
        <source>Receivables at the end</source>
        <translation>期末應收帳款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="54"/>
        <source>Open balances on the period&apos;s last day</source>
        <translation>期間最後一天的未付餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="57"/>
        <source>Of them not yet due</source>
        <translation>其中未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="58"/>
        <source>Open balances not yet due on the period&apos;s last day</source>
        <translation>期間最後一天尚未到期的未付餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="61"/>
        <source>Money collected</source>
        <translation>收款金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="62"/>
        <source>Payments received in the period</source>
        <translation>期間內已收款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="63"/>
        <source>By payment day</source>
        <translation>依付款日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="65"/>
        <source>Of it taken on visits</source>
        <translation>其中於拜訪時收取</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="66"/>
        <source>Payments taken on visits in the period</source>
        <translation>期間內於拜訪時收取的款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="67"/>
        <source>Pending or confirmed</source>
        <translation>待確認或已確認</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="69"/>
        <source>Promises made</source>
        <translation>新增承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="70"/>
        <source>Promises and installment plans recorded in the period</source>
        <translation>期間內記錄的承諾與分期付款計畫</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="71"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="109"/>
        <source>Not replaced by an amendment</source>
        <translation>未被修訂取代者</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="73"/>
        <source>Promises falling due</source>
        <translation>到期承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="74"/>
        <source>Promises and installment lines due in the period</source>
        <translation>期間內到期的承諾與分期款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="75"/>
        <source>Kept + partially kept + broken + open = due</source>
        <translation>已兌現 + 部分兌現 + 未兌現 + 進行中 = 到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="77"/>
        <source>Kept</source>
        <translation>已兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="78"/>
        <source>Kept in full by their day (plus grace days) / promises due × 100</source>
        <translation>於承諾日（含寬限天數）前全額兌現 / 到期承諾 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="80"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="84"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="88"/>
        <source>Each payment counted once, oldest due first</source>
        <translation>每筆付款只計一次，先沖抵最早到期者</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="82"/>
        <source>Partially kept</source>
        <translation>部分兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="83"/>
        <source>Partially kept / promises due × 100</source>
        <translation>部分兌現 / 到期承諾 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="86"/>
        <source>Broken</source>
        <translation>未兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="87"/>
        <source>Broken / promises due × 100</source>
        <translation>未兌現 / 到期承諾 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="90"/>
        <source>Still open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="91"/>
        <source>Still within their grace days / promises due × 100</source>
        <translation>仍在寬限天數內 / 到期承諾 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="92"/>
        <source>Judged on the period&apos;s last day, or today</source>
        <translation>以期間最後一天或今天為準判定</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="94"/>
        <source>Right-party contact rate</source>
        <translation>正確對象聯絡率</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="95"/>
        <source>Contacts with a person with authority to pay / all contact attempts × 100</source>
        <translation>與具付款決定權者的聯絡次數 / 全部聯絡嘗試次數 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="97"/>
        <source>Visits and calls; an absent customer is an attempt</source>
        <translation>含拜訪與電話；客戶不在也算一次嘗試</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="99"/>
        <source>Visits</source>
        <translation>拜訪次數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="100"/>
        <source>Visit records made in the period</source>
        <translation>期間內建立的拜訪記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="101"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="105"/>
        <source>Finished, amendments not counted again</source>
        <translation>僅計已完成者，修訂不重複計算</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="103"/>
        <source>Calls</source>
        <translation>電話次數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="104"/>
        <source>Call records made in the period</source>
        <translation>期間內建立的電話記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="107"/>
        <source>Disputes opened</source>
        <translation>新增爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="108"/>
        <source>Disputes recorded in the period</source>
        <translation>期間內記錄的爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="111"/>
        <source>Disputes resolved</source>
        <translation>已解決爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="112"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="118"/>
        <source>Disputes resolved in the period</source>
        <translation>期間內解決的爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="113"/>
        <source>By the time of resolution</source>
        <translation>依解決時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="115"/>
        <source>Dispute resolution time</source>
        <translation>爭議解決時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="116"/>
        <source>Average days from a dispute being recorded to its resolution</source>
        <translation>爭議從記錄到解決的平均天數</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="19"/>
        <source>Current</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="20"/>
        <source>1–30</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="21"/>
        <source>31–60</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="22"/>
        <source>61–90</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="23"/>
        <source>90+</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="24"/>
        <source>Active</source>
        <translation>正常營運</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="25"/>
        <source>Slowing down</source>
        <translation>營運趨緩</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="26"/>
        <source>Restructuring</source>
        <translation>重整中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="27"/>
        <source>Closed</source>
        <translation>已歇業</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="28"/>
        <source>Complete</source>
        <translation>已送齊</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="29"/>
        <source>Partial</source>
        <translation>部分送達</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="30"/>
        <source>Problem</source>
        <translation>有問題</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="31"/>
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="32"/>
        <source>Bank transfer</source>
        <translation>匯款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="33"/>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="34"/>
        <source>Post-dated cheque</source>
        <translation>遠期支票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="35"/>
        <source>Vietnamese</source>
        <translation>越南文</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="36"/>
        <source>Chinese (Traditional, Taiwan)</source>
        <translation>中文（繁體，台灣）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="37"/>
        <source>Chinese (Simplified, China)</source>
        <translation>中文（簡體，中國大陸）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="38"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="39"/>
        <source>Visit</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="40"/>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="41"/>
        <source>Money received</source>
        <translation>當場收款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="42"/>
        <source>Promise to pay</source>
        <translation>付款承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="43"/>
        <source>Installment plan</source>
        <translation>分期付款計劃</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="44"/>
        <source>Dispute</source>
        <translation>爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="45"/>
        <source>Refusal</source>
        <translation>拒絕付款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="46"/>
        <source>Customer absent / premises closed</source>
        <translation>客戶不在／店鋪關閉</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="47"/>
        <source>Quality</source>
        <translation>品質問題</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="48"/>
        <source>Damaged goods</source>
        <translation>貨物損壞</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="49"/>
        <source>Wrong goods</source>
        <translation>送錯貨品</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="50"/>
        <source>Short or not delivered</source>
        <translation>少送或未送</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="51"/>
        <source>Late delivery</source>
        <translation>延遲送貨</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="52"/>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="53"/>
        <source>Invoice error</source>
        <translation>發票錯誤</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="54"/>
        <source>Missing documents</source>
        <translation>缺少單據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="55"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="56"/>
        <location filename="../fieldapp/ui/labels.py" line="70"/>
        <source>Revisit</source>
        <translation>再次拜訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="57"/>
        <source>Supervisor calls the customer</source>
        <translation>主管致電客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="58"/>
        <source>Legal route recommended</source>
        <translation>建議採取法律途徑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="59"/>
        <source>Weekly</source>
        <translation>每週</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="60"/>
        <source>Every two weeks</source>
        <translation>每兩週</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="61"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="62"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="63"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="64"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="65"/>
        <source>Broken</source>
        <translation>未兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="66"/>
        <source>Partially kept</source>
        <translation>部分兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="67"/>
        <source>Dispute deadline near</source>
        <translation>爭議上報期限將至</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="68"/>
        <source>Dispute deadline passed</source>
        <translation>爭議已逾上報期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="69"/>
        <source>Dispute open</source>
        <translation>爭議處理中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="73"/>
        <source>Open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="74"/>
        <source>Kept</source>
        <translation>已兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="75"/>
        <source>Visit record</source>
        <translation>拜訪記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="76"/>
        <source>Installment agreement</source>
        <translation>分期付款協議書</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="77"/>
        <source>Agreement for wet signature</source>
        <translation>親筆簽名用協議書</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="78"/>
        <source>Receipt</source>
        <translation>收款收據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="79"/>
        <source>Statement of account</source>
        <translation>對帳單</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="40"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="41"/>
        <source>As the system</source>
        <translation>跟隨系統</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../fieldapp/ui/visit/text_limit.py" line="39"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 個字元</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="49"/>
        <source>Locked. Customer data is hidden until you unlock.</source>
        <translation>已鎖定。解鎖前客戶資料會保持隱藏。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="50"/>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="247"/>
        <source>About fieldapp</source>
        <translation>關於 fieldapp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="248"/>
        <source>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Offline portfolio and visit records for field collectors of trade receivables.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;供外勤帳款催收人員使用的離線客戶資料與拜訪記錄工具。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="284"/>
        <source>fieldapp — collector&apos;s portfolio</source>
        <translation>fieldapp — 催收員客戶清單</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/main_window.py" line="290"/>
        <source>Customers: %n</source>
        <translation>
            <numerusform>客戶數：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="291"/>
        <source>Today: %1</source>
        <translation>今日：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="294"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="298"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="299"/>
        <source>Vi&amp;sit</source>
        <translation>拜訪(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="300"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="301"/>
        <source>F&amp;ollow-ups</source>
        <translation>待追蹤事項(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="302"/>
        <source>Start &amp;visit</source>
        <translation>開始拜訪(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="303"/>
        <source>Start a visit with this customer (Ctrl+N)</source>
        <translation>開始拜訪此客戶（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="304"/>
        <source>&amp;Log a call</source>
        <translation>記錄電話催收(&amp;L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="305"/>
        <source>Log a phone call with this customer (Ctrl+L)</source>
        <translation>記錄與此客戶的通話（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="306"/>
        <source>&amp;Unfinished visits…</source>
        <translation>未完成的拜訪(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="307"/>
        <source>S&amp;tatement of account</source>
        <translation>對帳單(&amp;T)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="309"/>
        <source>Make a signed statement of account as of today and open it (Ctrl+Shift+S)</source>
        <translation>產生截至今日並已簽章的對帳單，然後開啟（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="310"/>
        <source>&amp;Print agreements of a day…</source>
        <translation>列印某日的協議書(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="311"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="312"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="313"/>
        <source>&amp;Find customer</source>
        <translation>搜尋客戶(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="314"/>
        <source>Today&apos;s &amp;route</source>
        <translation>今日路線(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="315"/>
        <source>&amp;Customers</source>
        <translation>客戶清單(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="316"/>
        <source>&amp;Back to previous customer</source>
        <translation>回到上一位客戶(&amp;B)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="317"/>
        <source>&amp;About fieldapp</source>
        <translation>關於 fieldapp(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="69"/>
        <source>Columns</source>
        <translation>欄對應</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="70"/>
        <source>Which column of the file holds what. Fields that are not in the file stay empty.</source>
        <translation>指定檔案中每一欄的內容。檔案中沒有的資料項目將保留空白。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Field</source>
        <translation>資料項目</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Column in the file</source>
        <translation>檔案中的欄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="73"/>
        <source>First value</source>
        <translation>第一個值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="77"/>
        <source>&amp;Date order:</source>
        <translation>日期順序(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="78"/>
        <source>&amp;Numbers:</source>
        <translation>數字格式(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="79"/>
        <source>C&amp;urrency of rows that name none:</source>
        <translation>未註明幣別的列所用幣別(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="80"/>
        <source>&amp;Save as source…</source>
        <translation>另存為資料來源(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="95"/>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="104"/>
        <source>— not in the file —</source>
        <translation>— 檔案中沒有 —</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="106"/>
        <source>(column {number})</source>
        <translation>（第 {number} 欄）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="143"/>
        <source>No column names the customer: each block&apos;s customer is read from the line above it (“Customer: …”), as in a customer ledger.</source>
        <translation>沒有任何一欄註明客戶：每個區塊的客戶從其上方一列讀取（「客戶：…」），與客戶明細帳相同。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="149"/>
        <source>Choose the column of the customer code or name.</source>
        <translation>請選擇客戶編號或客戶名稱所在的欄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="151"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation>請至少選擇一欄金額：金額、未付金額、借方、貸方或餘額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="153"/>
        <source>One column is chosen for two fields: choose each column once.</source>
        <translation>同一欄被指定給兩個資料項目：每一欄只能選擇一次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="163"/>
        <source>Save as source</source>
        <translation>另存為資料來源</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="164"/>
        <source>Name of the source (for example the company and report):</source>
        <translation>資料來源名稱（例如公司與報表名稱）：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="177"/>
        <source>Saved as “{name}”: files with these columns will be read this way from now on.</source>
        <translation>已儲存為「{name}」：今後具有這些欄的檔案都會以此方式讀取。</translation>
    </message>
</context>
<context>
    <name>MasterEditDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="82"/>
        <source>Correct the customer&apos;s details</source>
        <translation>更正客戶資料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;District:</source>
        <translation>地區(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>P&amp;rovince:</source>
        <translation>縣市(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Contact:</source>
        <translation>聯絡人(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="87"/>
        <source>New contact…</source>
        <translation>新增聯絡人…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="88"/>
        <source>Changes are used here at once and sent to the office with the next sync. If the office changed the same detail meanwhile, a supervisor decides which one to keep.</source>
        <translation>變更會立即在本機生效，並在下次同步時送至公司。若公司在此期間也變更了相同的資料項目，將由主管決定保留哪一個。</translation>
    </message>
</context>
<context>
    <name>MoneyCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="36"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="37"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="40"/>
        <source>Reference</source>
        <translation>參考號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="41"/>
        <source>Date on the cheque</source>
        <translation>支票日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="43"/>
        <source>Applied to</source>
        <translation>沖銷發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Invoice</source>
        <translation>發票號碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Open balance</source>
        <translation>未付餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Applied</source>
        <translation>沖銷金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="84"/>
        <source>Transfer or cheque number</source>
        <translation>匯款或支票號碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="137"/>
        <source>Not an amount for invoice %1.</source>
        <translation>發票 %1 的金額格式不正確。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="174"/>
        <source>Receipt %1 was issued; only the office can void it.</source>
        <translation>收據 %1 已開立，只有公司內勤可以作廢。</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../fieldapp/ui/visit/money_edit.py" line="94"/>
        <source>read as {amount}</source>
        <translation>解讀為金額 {amount}</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="96"/>
        <source>Fix what is marked in red before going on.</source>
        <translation>請先修正以紅色標示的項目，再繼續。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="161"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>NumbersToDial</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="28"/>
        <source>Number to dial</source>
        <translation>撥打號碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="29"/>
        <source>Numbers to dial</source>
        <translation>撥打號碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="31"/>
        <source>No phone number on file: ask the office for one.</source>
        <translation>沒有登記電話號碼：請向公司內勤索取。</translation>
    </message>
</context>
<context>
    <name>ObjectionsField</name>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="23"/>
        <source>Objection</source>
        <translation>異議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="24"/>
        <source>Prepared answer</source>
        <translation>應對說法</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="33"/>
        <source>Add objection</source>
        <translation>新增異議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="35"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>OfficeCustomerModel</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="17"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="21"/>
        <source>disputed</source>
        <translation>爭議中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="43"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="45"/>
        <source>Dispute</source>
        <translation>爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="47"/>
        <source>Found in</source>
        <translation>符合欄位</translation>
    </message>
</context>
<context>
    <name>OfficeNotes</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="14"/>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="16"/>
        <source>Has issues</source>
        <translation>有問題</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="18"/>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="20"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="28"/>
        <source>Comment (corrects an earlier one)</source>
        <translation>意見（更正先前的意見）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="29"/>
        <source>Comment</source>
        <translation>意見</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="33"/>
        <source>Dispute resolved</source>
        <translation>爭議已解決</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="37"/>
        <source>Receipt %1 voided</source>
        <translation>收款收據 %1 已作廢</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="54"/>
        <source>A record not on this laptop</source>
        <translation>不在本機上的記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="57"/>
        <source>Call of %1</source>
        <translation>%1 的電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="59"/>
        <source>Visit of %1</source>
        <translation>%1 的拜訪</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_words.py" line="69"/>
        <source>%n new notes from the office</source>
        <translation>
            <numerusform>新收到 %n 則公司的備註</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeNotesDialog</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="133"/>
        <source>By %1, %2</source>
        <translation>由 %1 於 %2 發出</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="141"/>
        <source>%n notes</source>
        <translation>
            <numerusform>%n 則備註</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="142"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n 則未讀</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="145"/>
        <source>From the office</source>
        <translation>公司的備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="146"/>
        <source>No notes from the office yet. They arrive with the assignment pack when you sync.</source>
        <translation>尚無公司的備註。同步時，備註會隨指派資料包一併送達。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="148"/>
        <source>&amp;Open the record</source>
        <translation>開啟記錄(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="149"/>
        <source>Show this customer and record (Enter)</source>
        <translation>顯示此客戶及記錄（Enter）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="150"/>
        <source>&amp;Mark as read</source>
        <translation>標示為已讀(&amp;M)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="151"/>
        <source>Mark &amp;all as read</source>
        <translation>全部標示為已讀(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="152"/>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OfficeNotesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="34"/>
        <location filename="../fieldapp/ui/models/office_notes.py" line="35"/>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="37"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="39"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="40"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="41"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="43"/>
        <source>Text</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="45"/>
        <source>From</source>
        <translation>發送人</translation>
    </message>
</context>
<context>
    <name>OfficeNotesUi</name>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="80"/>
        <source>From the &amp;office…</source>
        <translation>公司的備註(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="81"/>
        <source>Review states and comments the office sent about your records (Ctrl+Shift+O)</source>
        <translation>查看公司針對您的記錄送來的審核狀態與意見（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="85"/>
        <source>Open the notes from the office</source>
        <translation>開啟公司的備註</translation>
    </message>
</context>
<context>
    <name>OfficeSync</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="136"/>
        <source>Company CA passphrase</source>
        <translation>公司 CA 密碼片語</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="137"/>
        <source>The passphrase of the company CA signs the acknowledgements and packs for the laptops. It is kept until this window closes. Without it, bundles are imported and the laptops are answered later.</source>
        <translation>公司 CA 的密碼片語用於簽署給各電腦的確認回條與指派資料包。此密碼片語會保留到此視窗關閉為止。若未輸入，資料包仍會匯入，稍後再回覆各電腦。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="162"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="189"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4
Acknowledgements written: %5
Packs written: %6</source>
        <translation>已匯入：%1
先前已匯入：%2
等待先前的資料包：%3
已隔離：%4
已寫出確認回條：%5
已寫出指派資料包：%6</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="197"/>
        <source>%1 files could not be read and stay in the folder for the next sync.</source>
        <translation>有 %1 個檔案無法讀取，將留在資料夾中待下次同步。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="200"/>
        <source>Without the CA passphrase no acknowledgement or pack was written.</source>
        <translation>未輸入 CA 密碼片語，因此未寫出任何確認回條或指派資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="202"/>
        <source>Sync folder</source>
        <translation>同步資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="208"/>
        <source>No sync folder</source>
        <translation>未設定同步資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="210"/>
        <source>Sync folder not found: %1</source>
        <translation>找不到同步資料夾：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="212"/>
        <source>Last import: %1</source>
        <translation>上次匯入：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="214"/>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="215"/>
        <source>Bundles waiting: %1</source>
        <translation>等待中的資料包：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="216"/>
        <source>Quarantined: %1</source>
        <translation>已隔離：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="219"/>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="221"/>
        <source>Watching</source>
        <translation>監看中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="223"/>
        <source>Acknowledgements wait for the CA passphrase</source>
        <translation>確認回條正在等待 CA 密碼片語</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="178"/>
        <source>About fieldapp office</source>
        <translation>關於 fieldapp 公司端</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="179"/>
        <source>&lt;b&gt;fieldapp office %1&lt;/b&gt;&lt;p&gt;Receivables imported from the accounting software, customers assigned to collectors, and their routes.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp 公司端 %1&lt;/b&gt;&lt;p&gt;從會計軟體匯入的應收帳款、指派給催收員的客戶，以及催收員的拜訪路線。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="204"/>
        <location filename="../fieldapp/ui/office/window.py" line="218"/>
        <source>fieldapp office</source>
        <translation>fieldapp 公司端</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="210"/>
        <source>Database: %1 (encrypted)</source>
        <translation>資料庫：%1（已加密）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="212"/>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="214"/>
        <source>Database: %1 on %2</source>
        <translation>資料庫：%1（伺服器 %2）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="215"/>
        <source> (as %1)</source>
        <translation>（使用者 %1）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="219"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="220"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="221"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="222"/>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="223"/>
        <source>&amp;Print</source>
        <translation>列印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="224"/>
        <source>Installment agreements of a day…</source>
        <translation>某日的分期付款協議…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="225"/>
        <source>Statements of account…</source>
        <translation>對帳單…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="226"/>
        <source>Import arrived bundles</source>
        <translation>匯入已送達的資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="228"/>
        <source>Import the day bundles waiting in the sync folder and answer the laptops</source>
        <translation>匯入同步資料夾中等待的每日資料包，並回覆各電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="229"/>
        <source>Send packs to all laptops</source>
        <translation>傳送指派資料包給所有電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="230"/>
        <source>Sync folder…</source>
        <translation>同步資料夾…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="232"/>
        <source>Import receivables…</source>
        <translation>匯入應收帳款…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="233"/>
        <source>Import day bundles…</source>
        <translation>匯入每日資料包…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="234"/>
        <source>Export to accounting…</source>
        <translation>匯出至會計…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="235"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="236"/>
        <source>&amp;Find customer</source>
        <translation>搜尋客戶(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="237"/>
        <source>&amp;About fieldapp office</source>
        <translation>關於 fieldapp 公司端(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Queues</source>
        <translation>待辦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Portfolio</source>
        <translation>客戶總覽</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Collectors</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Routes</source>
        <translation>路線</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Laptops</source>
        <translation>電腦</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Inbox</source>
        <translation>審核收件匣</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="245"/>
        <source>Where this office&apos;s data is kept</source>
        <translation>公司端資料的存放位置</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="246"/>
        <source>Today: %1</source>
        <translation>今日：%1</translation>
    </message>
</context>
<context>
    <name>OutcomeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="75"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="77"/>
        <source>Remove this outcome</source>
        <translation>移除此項結果</translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="27"/>
        <source>%1 by %2 — %3</source>
        <translation>%1，%2 前付款 — %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/outcome_text.py" line="32"/>
        <source>%n installments</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="36"/>
        <source>%1 down, then %2</source>
        <translation>頭期款 %1，之後 %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="44"/>
        <source>revisit %1</source>
        <translation>%1 再訪</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="123"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="125"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="127"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="128"/>
        <source>Reference</source>
        <translation>參考號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="130"/>
        <source>Allocated to</source>
        <translation>沖銷發票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="140"/>
        <source>Voided by the office: {reason}</source>
        <translation>已由公司作廢：{reason}</translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="33"/>
        <source>Agreed total</source>
        <translation>協議總額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="40"/>
        <source>Down payment (optional)</source>
        <translation>頭期款（選填）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="43"/>
        <source>Schedule</source>
        <translation>付款時間表</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="45"/>
        <source>Default clause</source>
        <translation>違約條款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="65"/>
        <source>installments,</source>
        <translation>期，</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="66"/>
        <source>first due</source>
        <translation>首期到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="69"/>
        <source>Installments</source>
        <translation>期數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="83"/>
        <source>if everything is paid by</source>
        <translation>若於以下日期前全部付清</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="87"/>
        <source>Early-payment discount</source>
        <translation>提前付款折扣</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="140"/>
        <source>The disputed invoices changed the agreed total from %1 to %2.</source>
        <translation>有爭議的發票使協議總額由 %1 變為 %2。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="156"/>
        <source>settles with %1</source>
        <translation>只需付 %1 即可結清</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="166"/>
        <source>Covers invoices: %1</source>
        <translation>涵蓋發票：%1</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="179"/>
        <source>Loading customers…</source>
        <translation>正在載入客戶…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="181"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n 家客戶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="184"/>
        <source>%1 of %n customers match</source>
        <translation>
            <numerusform>%n 家客戶中有 %1 家符合</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="190"/>
        <source>Search name, code, tax code, phone, contact… (Ctrl+F)</source>
        <translation>搜尋名稱、編號、統一編號、電話、聯絡人…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="191"/>
        <source>No customer matches the search and filters.</source>
        <translation>沒有符合搜尋與篩選條件的客戶。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="193"/>
        <source>No customers yet. Import the receivables exported from your accounting software: customers and their open invoices come with them.</source>
        <translation>尚無客戶。請匯入從會計軟體匯出的應收帳款：客戶及其未結發票會一併匯入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="195"/>
        <source>Import receivables…</source>
        <translation>匯入應收帳款…</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="71"/>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="72"/>
        <source>The file as it would be imported. Nothing is written yet.</source>
        <translation>檔案將以下列方式匯入。目前尚未寫入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="73"/>
        <source>Import the &amp;good rows and skip the bad ones</source>
        <translation>匯入正確的列並略過有問題的列(&amp;G)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="74"/>
        <source>Load the balances as &amp;opening balances on</source>
        <translation>將餘額匯入為期初餘額(&amp;O)，日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="100"/>
        <source>Reading the file…</source>
        <translation>正在讀取檔案…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="123"/>
        <source>&amp;Rows as understood</source>
        <translation>解讀後的各列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="125"/>
        <source>&amp;Problems: {count}</source>
        <translation>問題(&amp;P)：{count}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="144"/>
        <source>Data rows: {rows} · Customers: {customers} · Invoices: {invoices} · Credits: {credits} · Opening balances: {openings}</source>
        <translation>資料列：{rows} · 客戶：{customers} · 發票：{invoices} · 貸方項目：{credits} · 期初餘額：{openings}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="158"/>
        <source>The table shows the first {count} rows.</source>
        <translation>表格僅顯示前 {count} 列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="174"/>
        <source>{count} rows have problems (listed above). Correct them in the accounting program and export again, or import the other rows and skip these.</source>
        <translation>有 {count} 列有問題（列於上方）。請在會計軟體中更正後重新匯出，或匯入其他列並略過這些列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="142"/>
        <source>Reading was stopped: go back and forward again to read the file.</source>
        <translation>已停止讀取：請返回上一步再按下一步，以重新讀取檔案。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="151"/>
        <source>Amounts: {totals}</source>
        <translation>金額：{totals}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="154"/>
        <source>Open: {totals}</source>
        <translation>未付金額：{totals}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="162"/>
        <source>This report has one line per customer and no invoices, so it cannot be imported as invoices. Its balances can be loaded instead as opening balances: one open amount per customer, on the day you choose below.</source>
        <translation>此報表每個客戶只有一列，沒有發票明細，因此無法以發票匯入。可改為將其餘額匯入為期初餘額：每個客戶一筆未付金額，日期為您在下方選擇的日期。</translation>
    </message>
</context>
<context>
    <name>PreviewRowsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="31"/>
        <source>Line</source>
        <translation>列號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="32"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="34"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="35"/>
        <source>Document</source>
        <translation>單據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="36"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="38"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="40"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="42"/>
        <source>Open</source>
        <translation>未付金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="44"/>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="112"/>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="230"/>
        <source>Every customer of the day</source>
        <translation>當日所有客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="166"/>
        <source>Preparing the installment agreements…</source>
        <translation>正在準備分期付款協議…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="171"/>
        <source>Preparing the statements of account…</source>
        <translation>正在準備對帳單…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="179"/>
        <source>Company CA passphrase</source>
        <translation>公司 CA 密碼片語</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="180"/>
        <source>The office signs what it prints with a key kept under the company CA&apos;s passphrase. It is kept until the window closes.</source>
        <translation>公司端列印的文件會以金鑰簽章，此金鑰受公司 CA 的密碼片語保護。密碼片語會保留到視窗關閉為止。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="202"/>
        <source>Nothing printed</source>
        <translation>未列印任何內容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="206"/>
        <source>Installment agreements of %1</source>
        <translation>%1 的分期付款協議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="208"/>
        <source>Statements of account as of %1</source>
        <translation>截至 %1 的對帳單</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="218"/>
        <source>Print agreements and statements</source>
        <translation>列印協議與對帳單</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="219"/>
        <source>What to print (one PDF, each customer from a new page, in the customer&apos;s language):</source>
        <translation>要列印的內容（合併為一個 PDF，每位客戶從新的一頁開始，使用該客戶的語言）：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="221"/>
        <source>&amp;Installment agreements of a day, for signing in ink</source>
        <translation>某日的分期付款協議，供親筆簽名(&amp;I)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="223"/>
        <source>&amp;Statements of account for a group of customers</source>
        <translation>一組客戶的對帳單(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="225"/>
        <source>Agreements</source>
        <translation>協議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="226"/>
        <source>Statements</source>
        <translation>對帳單</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="227"/>
        <source>Made on:</source>
        <translation>簽訂日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="228"/>
        <source>Only the route of:</source>
        <translation>僅限此催收員的路線：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="231"/>
        <source>Customers:</source>
        <translation>客戶：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="232"/>
        <source>A collector&apos;s customers with open invoices</source>
        <translation>某催收員名下有未結發票的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="233"/>
        <source>The customers on a collector&apos;s route</source>
        <translation>某催收員路線上的客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="234"/>
        <source>These customer codes</source>
        <translation>下列客戶編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="236"/>
        <source>Collector:</source>
        <translation>催收員：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="237"/>
        <source>Route of:</source>
        <translation>路線日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="238"/>
        <source>Codes:</source>
        <translation>編號：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="239"/>
        <source>Customer codes separated by commas</source>
        <translation>以逗號分隔的客戶編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="240"/>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="241"/>
        <source>&amp;Preview</source>
        <translation>預覽(&amp;P)</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="32"/>
        <source>Printing</source>
        <translation>列印中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="40"/>
        <source>Not printed</source>
        <translation>未列印</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="41"/>
        <source>The printer could not be used:
%1</source>
        <translation>無法使用印表機：
%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="50"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="54"/>
        <source>Line</source>
        <translation>列號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="56"/>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="57"/>
        <source>What is wrong</source>
        <translation>問題說明</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="15"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="16"/>
        <source>Working</source>
        <translation>處理中</translation>
    </message>
</context>
<context>
    <name>PromiseCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="36"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="37"/>
        <source>Pay by</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="39"/>
        <source>Promised by</source>
        <translation>承諾人</translation>
    </message>
</context>
<context>
    <name>QueueDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="108"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="110"/>
        <source>Recorded</source>
        <translation>記錄時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="112"/>
        <source>Deadline</source>
        <translation>上報期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="114"/>
        <source>Claimed reason</source>
        <translation>客戶所述原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>Resolver</source>
        <translation>處理人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>not assigned yet</source>
        <translation>尚未指派</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="117"/>
        <source>Commitment</source>
        <translation>承諾類型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="119"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="121"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="122"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="124"/>
        <source>Paid towards it</source>
        <translation>已付金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="127"/>
        <source>Collector&apos;s next step</source>
        <translation>催收員的下一步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="134"/>
        <source>Customer&apos;s description</source>
        <translation>客戶的說明</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="136"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="138"/>
        <source>Issues found</source>
        <translation>發現的問題</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="139"/>
        <source>Text</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="142"/>
        <source>Re&amp;solver:</source>
        <translation>處理人(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="143"/>
        <source>who resolves the dispute</source>
        <translation>負責解決此爭議的人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="144"/>
        <source>&amp;Assign</source>
        <translation>指派(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="145"/>
        <source>Root &amp;cause:</source>
        <translation>根本原因(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="147"/>
        <source>the cause found, apart from the customer&apos;s claimed reason</source>
        <translation>查明的實際原因（有別於客戶所述原因）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="148"/>
        <source>&amp;Resolve</source>
        <translation>解決(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="149"/>
        <source>&amp;Handed over to the legal route</source>
        <translation>已轉交法律途徑(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="150"/>
        <source>&amp;Open the record in the Inbox</source>
        <translation>在審核收件匣中開啟記錄(&amp;O)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="19"/>
        <source>Recorded</source>
        <translation>記錄時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="20"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="21"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="22"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="23"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="24"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="25"/>
        <source>Details</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="49"/>
        <source>Deadline</source>
        <translation>上報期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="85"/>
        <source>paid %1</source>
        <translation>已付 %1</translation>
    </message>
</context>
<context>
    <name>QueueWords</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="16"/>
        <source>Disputes</source>
        <translation>爭議</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="17"/>
        <source>Promises due today</source>
        <translation>今日到期的承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="18"/>
        <source>Broken promises</source>
        <translation>未兌現的承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="19"/>
        <source>Partially kept promises</source>
        <translation>部分兌現的承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="20"/>
        <source>Notes to the supervisor</source>
        <translation>給主管的備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="21"/>
        <source>Refusals heading for the legal route</source>
        <translation>將轉交法律途徑的拒絕付款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="22"/>
        <source>Records with issues</source>
        <translation>有問題的記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="23"/>
        <source>Money to confirm</source>
        <translation>待確認款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="29"/>
        <source>No open disputes: every dispute imported so far is resolved.</source>
        <translation>沒有進行中的爭議：目前為止匯入的爭議都已解決。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="31"/>
        <source>No promise falls due today that is not already kept.</source>
        <translation>今日沒有到期且尚未兌現的承諾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="33"/>
        <source>No promise was broken in the last 30 days.</source>
        <translation>過去 30 天內沒有未兌現的承諾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="35"/>
        <source>No promise was only partly kept in the last 30 days.</source>
        <translation>過去 30 天內沒有僅部分兌現的承諾。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="37"/>
        <source>No notes waiting: a note leaves this queue once its record is reviewed in the Inbox.</source>
        <translation>沒有待處理的備註：備註所屬的記錄在審核收件匣中審核後，該備註就會離開此待辦佇列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="40"/>
        <source>No refusal is waiting to be handed over to the legal route.</source>
        <translation>沒有等待轉交法律途徑的拒絕付款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="42"/>
        <source>No record is marked as having issues.</source>
        <translation>沒有被標記為有問題的記錄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="44"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation>沒有等待確認的當場收款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="61"/>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="62"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="69"/>
        <source>%1 (none)</source>
        <translation>%1（無）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="70"/>
        <source>%1 (%2, oldest %3)</source>
        <translation>%1（%2 項，最久已等待 %3）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="78"/>
        <source>Overdue by %1 h</source>
        <translation>已逾期 %1 小時</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="80"/>
        <source>%1 h left</source>
        <translation>剩 %1 小時</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="91"/>
        <source>Installment line</source>
        <translation>分期款項</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="93"/>
        <source>Promise to pay</source>
        <translation>付款承諾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="101"/>
        <source>Follow up on %1</source>
        <translation>%1 追蹤</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="104"/>
        <source>Revisit on %1</source>
        <translation>%1 再訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="112"/>
        <source>On the route on %1</source>
        <translation>已排入 %1 的路線</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="115"/>
        <source>None planned: the record sets no follow-up day or revisit, and no route has the customer yet.</source>
        <translation>尚無安排：此記錄未設定追蹤日期或再訪日期，目前也沒有任何路線包含此客戶。</translation>
    </message>
</context>
<context>
    <name>QueuesView</name>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="130"/>
        <location filename="../fieldapp/ui/office/queues_view.py" line="219"/>
        <source>Everyone</source>
        <translation>全部催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="212"/>
        <source>Items: %1, the oldest first</source>
        <translation>共 %1 項，最早的排在最前</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="217"/>
        <source>&amp;Collector:</source>
        <translation>催收員(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/questions.py" line="44"/>
        <source>Amend</source>
        <translation>修訂</translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="109"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="115"/>
        <source>Accounting: %1 of %2 (%3)</source>
        <translation>會計：%1，%2（%3）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Pending</source>
        <translation>待確認</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Confirmed</source>
        <translation>已確認</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Matched</source>
        <translation>已對帳</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>Voided</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="140"/>
        <source>Matched automatically with the accounting entry %1 (%2, %3) of the same customer and amount.</source>
        <translation>已對帳：自動比對到同一客戶、相同金額的會計記錄 %1（%2，%3）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="145"/>
        <source>%1 by %2 on %3.</source>
        <translation>%2 於 %3 %1。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="159"/>
        <source>Confirm receipts</source>
        <translation>確認收款收據</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="160"/>
        <source>Confirm all %n pending receipt(s)?</source>
        <translation>
            <numerusform>要確認全部 %n 張待確認的收款收據嗎？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="196"/>
        <source>%n receipt(s) of money taken on site wait for confirmation, the oldest first. A later accounting import matches them by itself.</source>
        <translation>
            <numerusform>有 %n 張當場收款的收款收據等待確認，最舊的排在最前面。之後匯入會計資料時，會自動與其對帳。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="199"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation>沒有等待確認的當場收款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="202"/>
        <source>Only the oldest %1 of this list are shown.</source>
        <translation>僅顯示此清單中最舊的 %1 筆。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Taken on</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Age</source>
        <translation>已過天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Receipt</source>
        <translation>收款收據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Match or reason</source>
        <translation>對帳資料或原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="215"/>
        <source>&amp;Confirm selected</source>
        <translation>確認選取項目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="216"/>
        <source>Confirm &amp;all pending…</source>
        <translation>確認全部待確認項目(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="217"/>
        <source>&amp;Void…</source>
        <translation>作廢(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="78"/>
        <source>Discard the draft</source>
        <translation>刪除草稿</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="79"/>
        <source>Discard the unfinished %1 with %2? What was typed is lost.</source>
        <translation>要刪除 %2 未完成的%1草稿嗎？已輸入的內容將會遺失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="81"/>
        <source>&amp;Discard</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="93"/>
        <source>Unfinished visits</source>
        <translation>未完成的拜訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="94"/>
        <source>These visits and calls were not finalized. Everything typed was saved: resume one to finish it, or discard it.</source>
        <translation>這些拜訪與電話尚未完成。已輸入的內容都已儲存：可繼續完成，或將其刪除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="96"/>
        <source>&amp;Resume</source>
        <translation>繼續(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="97"/>
        <source>&amp;Discard…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="98"/>
        <source>&amp;Later</source>
        <translation>稍後(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RefusalCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="69"/>
        <source>Reason given</source>
        <translation>拒付原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="70"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>ResolvePage</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="229"/>
        <source>Outcomes</source>
        <translation>拜訪結果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="230"/>
        <source>— add every result of the visit; one visit can have several.</source>
        <translation>— 請加入本次拜訪的每一項結果；一次拜訪可以有多項結果。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="231"/>
        <source>+ &amp;Money received</source>
        <translation>+ 當場收款(&amp;M)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="232"/>
        <source>+ &amp;Promise to pay</source>
        <translation>+ 付款承諾(&amp;P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="233"/>
        <source>+ &amp;Installment plan</source>
        <translation>+ 分期付款計劃(&amp;I)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="234"/>
        <source>+ &amp;Dispute</source>
        <translation>+ 爭議(&amp;D)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="235"/>
        <source>+ Re&amp;fusal</source>
        <translation>+ 拒絕付款(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="236"/>
        <source>+ Customer &amp;absent / closed</source>
        <translation>+ 客戶不在／店鋪關閉(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="241"/>
        <source>I confirm these amounts with the customer although they exceed what is owed</source>
        <translation>我已與客戶確認這些金額，雖然超過未付餘額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="243"/>
        <source>Why? e.g. a credit note is pending, an invoice is not imported yet</source>
        <translation>原因？例如：折讓單尚未開立、有發票尚未匯入</translation>
    </message>
</context>
<context>
    <name>RouteEditor</name>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="56"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="57"/>
        <source>Visit earlier (Alt+Up); rows can also be dragged</source>
        <translation>提前拜訪（Alt+Up）；也可以直接拖曳各列</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="58"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="59"/>
        <source>Visit later (Alt+Down)</source>
        <translation>延後拜訪（Alt+Down）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="60"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="61"/>
        <source>Take the stop off the route (Delete)</source>
        <translation>將此拜訪點從路線中移除（Delete）</translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="34"/>
        <source>#</source>
        <translation>序號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="36"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="39"/>
        <source>Purpose</source>
        <translation>拜訪目的</translation>
    </message>
</context>
<context>
    <name>RouteSheetPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="66"/>
        <source>Print %1</source>
        <translation>列印 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="68"/>
        <source>Printing %1…</source>
        <translation>正在列印 %1…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="72"/>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="74"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="82"/>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="83"/>
        <source>The route sheet could not be saved to %1:
%2</source>
        <translation>無法將路線表儲存至 %1：
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="89"/>
        <source>Route sheet of %1 for %2</source>
        <translation>%1 的路線表（%2）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="92"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="93"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存為 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="94"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>RouteStopsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>#</source>
        <translation>序號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="19"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="20"/>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="27"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="21"/>
        <source>Days late</source>
        <translation>逾期天數</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="22"/>
        <source>Objective</source>
        <translation>拜訪目的</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="23"/>
        <source>Why</source>
        <translation>建議原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="24"/>
        <source>Promise due, not kept</source>
        <translation>承諾已到期，未兌現</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="25"/>
        <source>Revisit due</source>
        <translation>再訪日期已到</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="26"/>
        <source>Dispute waiting</source>
        <translation>爭議待處理</translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="94"/>
        <source>Today&apos;s route</source>
        <translation>今日路線</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/route_view.py" line="97"/>
        <source>Stops: %n</source>
        <translation>
            <numerusform>共 %n 個拜訪點</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="99"/>
        <source>No visits are planned for today.</source>
        <translation>今天沒有安排拜訪。</translation>
    </message>
</context>
<context>
    <name>RoutesView</name>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="124"/>
        <source>No collectors yet: add them in the Collectors tab.</source>
        <translation>尚無催收員：請在「催收員」分頁中新增。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="156"/>
        <source>Unsaved route</source>
        <translation>路線尚未儲存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="157"/>
        <source>The route of this day has changes that are not saved. Save them?</source>
        <translation>此日的路線有尚未儲存的變更。要儲存嗎？</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="182"/>
        <source>%n stops saved for this day.</source>
        <translation>
            <numerusform>此日已儲存 %n 個拜訪點。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="203"/>
        <source>%n stops suggested; save to keep them.</source>
        <translation>
            <numerusform>已建議 %n 個拜訪點；請儲存以保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="205"/>
        <source>Nothing more to suggest for this day.</source>
        <translation>此日已沒有其他可建議的拜訪點。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="280"/>
        <source>The route has changes that are not saved.</source>
        <translation>路線有尚未儲存的變更。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="296"/>
        <source>Collector:</source>
        <translation>催收員：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="297"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="298"/>
        <source>Start:</source>
        <translation>開始時間：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="299"/>
        <source>When the first visit starts (HH:MM)</source>
        <translation>第一次拜訪的開始時間（HH:MM）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="300"/>
        <source>&amp;Suggest</source>
        <translation>建議(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="302"/>
        <source>Add the customers most worth a visit: promises due and not kept, revisits, disputes waiting, then the largest and oldest overdue amounts</source>
        <translation>加入最值得拜訪的客戶：承諾已到期但未兌現、需要再訪、爭議待處理者優先，其次依逾期金額由大到小、逾期時間由長到短</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="304"/>
        <source>Spread times</source>
        <translation>重排時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="305"/>
        <source>Plan every visit again from the start time</source>
        <translation>從開始時間起重新安排每次拜訪的時間</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="306"/>
        <source>Save route</source>
        <translation>儲存路線</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="307"/>
        <source>Print route sheet…</source>
        <translation>列印路線表…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="308"/>
        <source>Print statements…</source>
        <translation>列印對帳單…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="310"/>
        <source>Statements of account for the customers on this route, in one signed PDF</source>
        <translation>此路線上客戶的對帳單，合併為一個已簽章的 PDF</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="48"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="49"/>
        <source>The receivables are written in one step: all or nothing.</source>
        <translation>應收帳款會一次寫入：全部寫入，或完全不寫入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="50"/>
        <source>&amp;Skipped rows</source>
        <translation>已略過的列(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="51"/>
        <source>Import &amp;again</source>
        <translation>重新匯入(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="73"/>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="107"/>
        <source>The import was stopped. Nothing was written.</source>
        <translation>已停止匯入。未寫入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="110"/>
        <source>Nothing was imported.</source>
        <translation>未匯入任何資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="113"/>
        <source>The receivables were imported.</source>
        <translation>應收帳款已匯入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="114"/>
        <source>Customers: {created} new, {updated} updated.</source>
        <translation>客戶：新增 {created} 家，更新 {updated} 家。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="117"/>
        <source>Invoices: {created} new, {updated} updated, {closed} closed because the export no longer lists them as open.</source>
        <translation>發票：新增 {created} 張，更新 {updated} 張，{closed} 張因匯出檔已不再列為未結而結清。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="122"/>
        <source>Open in this export: {totals}</source>
        <translation>此匯出檔的未付金額：{totals}</translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="28"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="29"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="53"/>
        <source>Down payment</source>
        <translation>頭期款</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="31"/>
        <source>Collector name</source>
        <translation>催收員姓名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="30"/>
        <source>Language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="32"/>
        <source>Your title on Vietnamese documents</source>
        <translation>您在越南文文件上的職稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="33"/>
        <source>Your title on Traditional Chinese documents</source>
        <translation>您在繁體中文文件上的職稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="34"/>
        <source>Your title on Simplified Chinese documents</source>
        <translation>您在簡體中文文件上的職稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Your title on English documents</source>
        <translation>您在英文文件上的職稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Latest promise date (days ahead)</source>
        <translation>承諾付款日最遠可約幾天後（天）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Grace days before a promise is broken</source>
        <translation>承諾付款的寬限天數（超過即視為未兌現）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="38"/>
        <source>Share paid that keeps a promise (%)</source>
        <translation>付款達多少比例即視為承諾已兌現（%）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Remind this many days before a promise</source>
        <translation>承諾付款日前幾天提醒（天）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="40"/>
        <source>Warn when a dispute deadline is this close (hours)</source>
        <translation>爭議上報期限前多久警示（小時）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="41"/>
        <source>Least ink for a signature (pixels)</source>
        <translation>簽名筆跡最少長度（像素）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="42"/>
        <source>Lock the window after this many idle minutes</source>
        <translation>閒置超過此分鐘數後鎖定視窗</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Company name</source>
        <translation>公司名稱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Company address</source>
        <translation>公司地址</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="45"/>
        <source>Company tax code</source>
        <translation>公司統一編號</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Company phone</source>
        <translation>公司電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Sync folder</source>
        <translation>同步資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="48"/>
        <source>Sync when the program starts</source>
        <translation>程式啟動時同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="49"/>
        <source>Sync when the program closes</source>
        <translation>程式關閉時同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="70"/>
        <source>As the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="89"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="90"/>
        <source>None: choose the folder shared with the office</source>
        <translation>無：請選擇與公司共用的資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="95"/>
        <source>Choose the sync folder</source>
        <translation>選擇同步資料夾</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="203"/>
        <source>Enter the company&apos;s name: it heads every document.</source>
        <translation>請輸入公司名稱：每份文件的抬頭都會顯示此名稱。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="211"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="212"/>
        <source>Your name and title go on every record you sign. Please enter them before the first visit.</source>
        <translation>您的姓名與職稱會出現在您簽署的每一份記錄上，請在第一次拜訪前填寫。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="214"/>
        <source>These settings apply to this laptop.</source>
        <translation>這些設定僅適用於本機。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="216"/>
        <source>Letterhead on every document</source>
        <translation>每份文件的抬頭</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="217"/>
        <source>Sync with the office</source>
        <translation>與公司同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="219"/>
        <source>Change PIN or passphrase…</source>
        <translation>修改 PIN 碼或密碼片語…</translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="66"/>
        <source>The customer was absent: nobody signs for the customer; you sign the record alone.</source>
        <translation>客戶不在：無人代表客戶簽名；由您單獨簽署此記錄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="70"/>
        <source>Nothing the customer signed has changed: their signature on the original record stands, and you sign the amendment alone.</source>
        <translation>客戶簽署過的內容均未變更：客戶在原記錄上的簽名仍然有效，修訂由您單獨簽署。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="109"/>
        <source>The record changed after it was signed: read the summary again with the customer, then both sign again.</source>
        <translation>記錄在簽名後已變更：請與客戶重新確認摘要，然後雙方重新簽名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="127"/>
        <source>Summary for the customer (%1)</source>
        <translation>供客戶確認的摘要（%1）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="129"/>
        <source>Customer signs</source>
        <translation>客戶簽名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="130"/>
        <source>Collector signs</source>
        <translation>催收員簽名</translation>
    </message>
</context>
<context>
    <name>SignerPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="30"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="31"/>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="32"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="34"/>
        <source>Printed name</source>
        <translation>正楷姓名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="35"/>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="45"/>
        <source>Source</source>
        <translation>資料來源</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="46"/>
        <source>The accounting program and report the file comes from.</source>
        <translation>檔案所來自的會計軟體與報表。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="47"/>
        <source>&amp;Source:</source>
        <translation>資料來源(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="54"/>
        <source>Find it from the columns</source>
        <translation>依各欄自動判斷</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="56"/>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="141"/>
        <source>{name} (saved)</source>
        <translation>{name}（已儲存）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="107"/>
        <source>Reading the file…</source>
        <translation>正在讀取檔案…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="117"/>
        <source>No known export has these columns: say on the next page which column holds what.</source>
        <translation>沒有任何已知的匯出格式具有這些欄：請在下一頁指定每一欄的內容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="120"/>
        <source>The columns of {source} were not found: say on the next page which column holds what.</source>
        <translation>找不到 {source} 的各欄：請在下一頁指定每一欄的內容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="123"/>
        <source>Found: {source}.</source>
        <translation>已辨識：{source}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="125"/>
        <source>Read as {source}.</source>
        <translation>以 {source} 格式讀取。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="127"/>
        <source>An Excel workbook with {count} columns.</source>
        <translation>Excel 活頁簿，共 {count} 欄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="130"/>
        <source>Text encoding: {encoding}. Columns: {count}.</source>
        <translation>文字編碼：{encoding}。欄數：{count}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="135"/>
        <source>The report is dated {day}.</source>
        <translation>報表日期：{day}。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../fieldapp/ui/app.py" line="79"/>
        <source>Restore the backup of %1?</source>
        <translation>要還原 %1 的備份嗎？</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="81"/>
        <source>The damaged file is kept in the backups folder; what was recorded after the backup is not in it.</source>
        <translation>已損壞的檔案會保留在備份資料夾中；備份之後記錄的內容不包含在備份中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="83"/>
        <source>What will be lost: visits, calls, payments and documents recorded on this laptop after %1. Those among them already sent are kept by the office; the others are lost.</source>
        <translation>將會遺失的內容：%1 之後在本機記錄的拜訪、電話、付款與文件。其中已送出的部分會保留在公司端；其餘將會遺失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="91"/>
        <source>&amp;Restore the backup</source>
        <translation>還原備份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>StartupDocuments</name>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="84"/>
        <source>Last finalized: %1, %2 — receipt %3</source>
        <translation>最近完成：%1，%2 — 收據 %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="87"/>
        <source>Last finalized: %1, %2 — no money taken</source>
        <translation>最近完成：%1，%2 — 未收款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="90"/>
        <source>Some documents are still pending: see the visit&apos;s Retry</source>
        <translation>部分文件仍待產生：請使用該拜訪的「重試」</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="92"/>
        <source>Check this before recording money again: a receipt already issued stands for money already taken.</source>
        <translation>再次登記收款前請先確認：已開立的收據代表款項已經收取。</translation>
    </message>
</context>
<context>
    <name>SyncFolderDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="39"/>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="49"/>
        <source>Sync folder</source>
        <translation>同步資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="51"/>
        <source>The folder this office shares with its laptops: a shared drive, a cloud folder or a USB stick. Laptops put their day bundles in its to-office folder; the office puts each laptop&apos;s acknowledgements and assignment packs in to-laptops. Every supervisor of this office uses the same folder. Leave it empty to use none.</source>
        <translation>本公司與其電腦共用的資料夾：共用磁碟、雲端資料夾或 USB 隨身碟。各電腦將每日資料包放入其中的 to-office 資料夾；公司端則將給各電腦的確認回條與指派資料包放入 to-laptops 資料夾。本公司的所有主管都使用同一個資料夾。保留空白表示不使用。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="56"/>
        <source>Watch the folder and import bundles as they arrive</source>
        <translation>監看此資料夾，資料包一送達即匯入</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="39"/>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="40"/>
        <source>&amp;Install the office&apos;s answer…</source>
        <translation>安裝公司的回覆(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="41"/>
        <source>&amp;Send to the office…</source>
        <translation>送出給公司(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="42"/>
        <source>&amp;Receive assignment pack…</source>
        <translation>接收指派資料包(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="43"/>
        <source>Take &amp;acknowledgement…</source>
        <translation>接收確認回條(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="54"/>
        <source>This laptop is enrolled</source>
        <translation>本機已註冊</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="55"/>
        <source>Enrolled for %1 of %2</source>
        <translation>已註冊給 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="58"/>
        <source>&amp;Enroll this laptop…</source>
        <translation>註冊本機(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="60"/>
        <source>Save a certificate request for the office to answer</source>
        <translation>儲存憑證要求檔，交由公司回覆</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="67"/>
        <source>Save the certificate request</source>
        <translation>儲存憑證要求檔</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="69"/>
        <source>Certificate requests (*.csr);;All files (*)</source>
        <translation>憑證要求檔 (*.csr);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="72"/>
        <source>The certificate request was saved to %1. Give it to the office; then install the office&apos;s answer.</source>
        <translation>憑證要求檔已儲存至 %1。請交給公司，然後安裝公司的回覆。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="77"/>
        <source>Install the office&apos;s answer</source>
        <translation>安裝公司的回覆</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="78"/>
        <source>Enrollment answers (*.zip);;All files (*)</source>
        <translation>註冊回覆檔 (*.zip);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="86"/>
        <source>This laptop is now enrolled for %1 of %2. Documents made from now on are signed with the enrolled key.</source>
        <translation>本機現已註冊給 %2 的 %1。從現在起產生的文件都會以已註冊的金鑰簽署。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="93"/>
        <source>Send to the office: choose the sync folder</source>
        <translation>送出給公司：選擇同步資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="100"/>
        <source>A day bundle with %1 records was made.</source>
        <translation>已製作一個包含 %1 筆紀錄的每日資料包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="101"/>
        <source>No new records since the last bundle.</source>
        <translation>自上一個資料包以來沒有新的紀錄。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="103"/>
        <source>%1 bundles waiting for the office&apos;s acknowledgement were written to %2.</source>
        <translation>已將 %1 個等待公司確認回條的資料包寫入 %2。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="107"/>
        <source>Receive an assignment pack</source>
        <translation>接收指派資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="115"/>
        <source>Assignment pack version %1 applied: %2 customers added, %3 updated, %4 removed.</source>
        <translation>已套用指派資料包版本 %1：新增 %2 個客戶，更新 %3 個，移除 %4 個。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_menu.py" line="119"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>新收到 %n 則公司的備註。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="121"/>
        <source>Disputes you recorded that the office resolved: %1; their invoices are no longer paused.</source>
        <translation>您記錄的爭議已由公司解決：%1；相關發票已不再暫停催收。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="126"/>
        <source>Take the office&apos;s acknowledgement</source>
        <translation>接收公司的確認回條</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="132"/>
        <source>The office holds every bundle up to number %1; %2 removed from the outbox.</source>
        <translation>公司已收到編號 %1 以前的所有資料包；已從寄件匣移除 %2 個。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="141"/>
        <source>Sync files (*.zip);;All files (*)</source>
        <translation>同步檔案 (*.zip);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="150"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="75"/>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="76"/>
        <location filename="../fieldapp/ui/sync_status.py" line="79"/>
        <source>Send and receive through the sync folder (F9)</source>
        <translation>透過同步資料夾傳送與接收（F9）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="77"/>
        <source>Sync s&amp;tatus…</source>
        <translation>同步狀態(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="78"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="88"/>
        <source>Not enrolled · Not sent: %1</source>
        <translation>未註冊 · 未送出：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="90"/>
        <source>Last sync: %1 · Not sent: %2 · Waiting: %3</source>
        <translation>上次同步：%1 · 未送出：%2 · 等待中：%3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="98"/>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="101"/>
        <source>today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="103"/>
        <source>yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="110"/>
        <source>Device: %1</source>
        <translation>裝置：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="111"/>
        <source>Enrolled for %1 of %2</source>
        <translation>已註冊給 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="112"/>
        <source>Not enrolled with the office</source>
        <translation>尚未向公司註冊</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="113"/>
        <source>Sync folder: %1</source>
        <translation>同步資料夾：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="114"/>
        <source>No sync folder is set (Settings)</source>
        <translation>尚未設定同步資料夾（設定）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="115"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="116"/>
        <source>Records not yet sent: %1</source>
        <translation>尚未送出的記錄：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="119"/>
        <source>Bundles waiting for the office&apos;s acknowledgement: %1</source>
        <translation>等待公司確認回條的資料包：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="121"/>
        <source>Assignment pack: version %1, valid until %2</source>
        <translation>指派資料包：版本 %1，有效期限至 %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="124"/>
        <source>No assignment pack applied yet</source>
        <translation>尚未套用任何指派資料包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="126"/>
        <source>Left in the sync folder: %1: %2</source>
        <translation>留在同步資料夾中：%1：%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="129"/>
        <source>The last sync failed: %1</source>
        <translation>上次同步失敗：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="135"/>
        <source>Sync status</source>
        <translation>同步狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="150"/>
        <source>Choose the sync folder shared with the office</source>
        <translation>選擇與公司共用的同步資料夾</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="155"/>
        <location filename="../fieldapp/ui/sync_status.py" line="224"/>
        <source>Syncing with the office…</source>
        <translation>正在與公司同步…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="179"/>
        <source>Sync cancelled; what was done is kept.</source>
        <translation>已取消同步；已完成的部分會保留。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="182"/>
        <source>Synced: %n records sent.</source>
        <translation>
            <numerusform>已同步：送出 %n 筆記錄。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="184"/>
        <source>%n bundles wait for the office&apos;s acknowledgement.</source>
        <translation>
            <numerusform>%n 個資料包正在等待公司的確認回條。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="187"/>
        <source>Assignment pack version %1 applied.</source>
        <translation>已套用指派資料包版本 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="190"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>新收到 %n 則公司的備註。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="193"/>
        <source>Some files were left in the sync folder: see the sync status for why.</source>
        <translation>部分檔案留在同步資料夾中：原因請見同步狀態。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="235"/>
        <source>Syncing with the office before closing…</source>
        <translation>關閉前正在與公司同步…</translation>
    </message>
</context>
<context>
    <name>TaskStrip</name>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="33"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="55"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="62"/>
        <source>line %v of about %m</source>
        <translation>第 %v 列，約 %m 列</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="58"/>
        <source>Assigned %n customers to %1.</source>
        <translation>
            <numerusform>已將 %n 家客戶指派給 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="59"/>
        <source>no collector</source>
        <translation>「無催收員」</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="61"/>
        <source>Nothing changed: the customers already had this collector.</source>
        <translation>未做任何變更：這些客戶原本就由此催收員負責。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="63"/>
        <source>Undone: %n customers are back with their previous collectors.</source>
        <translation>
            <numerusform>已復原：%n 家客戶已交回原本的催收員。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="68"/>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="34"/>
        <source>Open the office database</source>
        <translation>開啟公司端資料庫</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="35"/>
        <source>Unlock the profile</source>
        <translation>解鎖使用者資料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="46"/>
        <source>Forgotten PIN…</source>
        <translation>忘記 PIN 碼…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="61"/>
        <source>This version keeps the profile encrypted. Choose a PIN or passphrase: it is asked every time the program starts.</source>
        <translation>此版本會將使用者資料加密保存。請設定 PIN 碼或密碼片語：每次啟動程式時都會要求輸入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="64"/>
        <source>Choose a PIN or passphrase for this profile: it is asked every time the program starts, and nobody can open the profile without it.</source>
        <translation>請為此使用者資料設定 PIN 碼或密碼片語：每次啟動程式時都會要求輸入，沒有它任何人都無法開啟這些資料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="68"/>
        <source>New PIN or passphrase:</source>
        <translation>新的 PIN 碼或密碼片語：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="69"/>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="85"/>
        <source>The same again:</source>
        <translation>再輸入一次：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="72"/>
        <source>PIN or passphrase:</source>
        <translation>PIN 碼或密碼片語：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="81"/>
        <source>The new office database %1 is to be encrypted. Choose its passphrase: it is asked every time the database is opened, and nobody can open the database or its backups without it.</source>
        <translation>新的公司端資料庫 %1 將會加密。請設定其密碼片語：每次開啟資料庫時都會要求輸入，沒有它任何人都無法開啟資料庫或其備份。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="84"/>
        <source>New passphrase:</source>
        <translation>新的密碼片語：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="87"/>
        <source>The office database %1 is encrypted. Type its passphrase to open it.</source>
        <translation>公司端資料庫 %1 已加密。請輸入其密碼片語以開啟。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="89"/>
        <source>Passphrase:</source>
        <translation>密碼片語：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="98"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation>輸入錯誤次數過多。請等待 {seconds} 秒後再試。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="106"/>
        <source>The two entries are not the same.</source>
        <translation>兩次輸入的內容不一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="124"/>
        <source>Without its PIN this profile cannot be opened by anyone, not even by the office: that is what protects the customers&apos; data on a lost laptop.</source>
        <translation>沒有 PIN 碼，任何人都無法開啟此使用者資料，連公司也不行：這正是電腦遺失時保護客戶資料的方式。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="126"/>
        <source>Ask your supervisor to enroll this laptop again; the office then sends a fresh assignment pack and you start on a new profile.</source>
        <translation>請主管為本機重新註冊；之後公司會送來新的指派資料包，您將以新的使用者資料開始作業。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="128"/>
        <source>Forgotten PIN</source>
        <translation>忘記 PIN 碼</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="137"/>
        <source>Work the office has already received is safe. Visits, documents and payments recorded here and not yet sent are lost. How many there are cannot be shown without the PIN either: if you remember the last time you sent your day, everything after it is what would be lost.</source>
        <translation>公司已收到的工作是安全的。在此記錄但尚未送出的拜訪、文件與付款將會遺失。沒有 PIN 碼也無法顯示共有幾筆：如果您記得上次送出當日工作的時間，在那之後記錄的一切就是會遺失的內容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="144"/>
        <source>When the window was last locked or closed (%1), everything recorded here had been sent to the office: that work is safe. Only what was recorded after that and not sent would be lost.</source>
        <translation>上次鎖定或關閉視窗時（%1），此處記錄的所有內容都已送至公司：這些工作是安全的。只有在那之後記錄且尚未送出的內容才會遺失。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unlock_dialog.py" line="148"/>
        <source>When the window was last locked or closed (%1), %n records had not been sent to the office. They exist only on this laptop: with a forgotten PIN they are lost, unless they were sent since. Work the office has received is safe.</source>
        <translation>
            <numerusform>上次鎖定或關閉視窗時（%1），有 %n 筆記錄尚未送至公司。這些記錄只存在於本機：忘記 PIN 碼就會遺失，除非之後已經送出。公司已收到的工作是安全的。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentModel</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="19"/>
        <source>Amendment</source>
        <translation>修訂</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="21"/>
        <source>Corrected details</source>
        <translation>已更正的資料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="35"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="36"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="37"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>UnsentWatch</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="151"/>
        <source>Unsent work</source>
        <translation>未送出的工作</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="154"/>
        <source>Sync before closing to keep them safe with the office.</source>
        <translation>關閉前請先同步，讓這些記錄安全保存在公司端。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="155"/>
        <source>&amp;Close anyway</source>
        <translation>仍要關閉(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="156"/>
        <source>&amp;Keep the window open</source>
        <translation>保持視窗開啟(&amp;K)</translation>
    </message>
</context>
<context>
    <name>UnsentWork</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unsent_view.py" line="27"/>
        <source>These %n records exist only on this laptop until they are sent to the office. If the PIN is forgotten, they are lost.</source>
        <translation>
            <numerusform>這 %n 筆記錄在送至公司之前只存在於本機。如果忘記 PIN 碼，這些記錄將會遺失。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDocumentsBar</name>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="115"/>
        <source>Pending: %1</source>
        <translation>待產生：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="119"/>
        <source>Not made yet: finalizing was interrupted or the document failed. The visit itself is finalized.</source>
        <translation>尚未產生：完成過程中斷或文件產生失敗。拜訪本身已完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="150"/>
        <source>Plan %1</source>
        <translation>分期付款計劃 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="171"/>
        <source>Open &amp;record</source>
        <translation>開啟記錄(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="172"/>
        <source>The signed visit record (PDF)</source>
        <translation>已簽名的拜訪記錄（PDF）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="173"/>
        <source>Open a&amp;greement</source>
        <translation>開啟協議書(&amp;G)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="174"/>
        <source>Open recei&amp;pt</source>
        <translation>開啟收據(&amp;P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="175"/>
        <source>Agreement for &amp;wet signature…</source>
        <translation>親筆簽名用協議書(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="176"/>
        <source>Re&amp;try</source>
        <translation>重試(&amp;T)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="177"/>
        <source>Make the pending documents of this visit now</source>
        <translation>立即產生此拜訪待產生的文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="178"/>
        <source>A fresh copy of the installment agreement with empty boxes, to print and sign in ink</source>
        <translation>重新產生一份簽名欄空白的分期付款協議書，供列印後親筆簽名</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="38"/>
        <source>Receipt %1 voided by the office: %2</source>
        <translation>收款收據 %1 已由公司作廢：%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="42"/>
        <source>Documents pending</source>
        <translation>文件待產生</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="44"/>
        <source>Amendment: %1</source>
        <translation>修訂：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="47"/>
        <source>Amended</source>
        <translation>已修訂</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="61"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="63"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="64"/>
        <source>Collector</source>
        <translation>催收員</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="65"/>
        <source>Outcomes</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="67"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="69"/>
        <source>Office</source>
        <translation>公司</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/visit_history.py" line="88"/>
        <source>%n comments</source>
        <translation>
            <numerusform>%n 則意見</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="144"/>
        <location filename="../fieldapp/ui/visit/window.py" line="256"/>
        <source>Saving…</source>
        <translation>儲存中…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="167"/>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="216"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="224"/>
        <source>Not saved: the disk is full. The draft is kept in this window and saved as soon as space is freed.</source>
        <translation>未儲存：磁碟已滿。草稿仍保留在此視窗中，一旦釋放空間便會立即儲存。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="227"/>
        <source>Not saved, retrying: %1</source>
        <translation>未儲存，正在重試：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Visit — %1</source>
        <translation>拜訪 — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Call — %1</source>
        <translation>電話催收 — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="271"/>
        <source>Amendment of an earlier record. Reason: %1</source>
        <translation>此為先前記錄的修訂。原因：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Visit</source>
        <translation>拜訪(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Call</source>
        <translation>電話(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="274"/>
        <source>← Back</source>
        <translation>← 上一步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="275"/>
        <source>Previous step (Alt+Left)</source>
        <translation>上一步（Alt+Left）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="276"/>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="277"/>
        <source>Next step (Alt+Right or Ctrl+Enter)</source>
        <translation>下一步（Alt+Right 或 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="278"/>
        <source>Finalize…</source>
        <translation>完成並鎖定…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="279"/>
        <source>Check everything and freeze the record (Ctrl+Enter)</source>
        <translation>檢查所有內容並鎖定記錄（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="280"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="281"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="282"/>
        <source>Go on (next step or finalize)</source>
        <translation>繼續（下一步或完成）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="283"/>
        <source>Discard this draft…</source>
        <translation>刪除此草稿…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="284"/>
        <source>Close (keeps the draft)</source>
        <translation>關閉（保留草稿）</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="155"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="158"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="160"/>
        <source>From the office</source>
        <translation>公司的備註</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Visit</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="169"/>
        <source>Amendment of the record of %1. Reason: %2</source>
        <translation>此為 %1 記錄的修訂。原因：%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="173"/>
        <source>Corrected by a later amendment; kept unchanged as evidence.</source>
        <translation>已由後續修訂更正；原記錄保持不變，留作證據。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="174"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="190"/>
        <source>No visits recorded yet</source>
        <translation>尚無拜訪記錄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="191"/>
        <source>&amp;Amend…</source>
        <translation>修訂(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="192"/>
        <source>Correct this record: a new record with a reason; the original stays as it was</source>
        <translation>更正此記錄：另建一份註明原因的新記錄，原記錄保持不變</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="253"/>
        <source>Void receipt</source>
        <translation>作廢收款收據</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="255"/>
        <source>Void receipt %1: %2 taken from %3 on %4? It will no longer count anywhere, and the collector&apos;s laptop learns of it with the next pack. Say why:</source>
        <translation>要作廢收款收據 %1 嗎？此收據為 %4 向 %3 收取的 %2。作廢後將不再計入任何地方，催收員的電腦會隨下一個指派資料包得知此事。請說明原因：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="259"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="260"/>
        <source>Void</source>
        <translation>作廢</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="18"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="19"/>
        <source>The amount must be more than zero.</source>
        <translation>金額必須大於零。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="20"/>
        <source>More than the open balance of {balance}.</source>
        <translation>超過未付餘額 {balance}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="21"/>
        <source>This date is in the past: agree on a specific day from today on.</source>
        <translation>此日期已過：請約定今天或之後的具體日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="22"/>
        <source>More than {days} days ahead: agree on an earlier date.</source>
        <translation>距今超過 {days} 天：請約定較早的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="23"/>
        <source>Pick a day after today.</source>
        <translation>請選擇今天之後的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="24"/>
        <source>Allocated {allocated} but received {amount}.</source>
        <translation>已沖銷 {allocated}，但實收金額為 {amount}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="25"/>
        <source>More than the open balance of invoice {invoice}.</source>
        <translation>超過發票 {invoice} 的未付餘額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="26"/>
        <source>Give the transfer or cheque reference.</source>
        <translation>請填寫匯款或支票號碼。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="27"/>
        <source>A post-dated cheque needs the date written on it, after today.</source>
        <translation>遠期支票須填寫票載日期，且須晚於今天。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="28"/>
        <source>The installments add up to {sum}, not the agreed {total}.</source>
        <translation>各期金額合計為 {sum}，與協議總額 {total} 不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="29"/>
        <source>Each installment must fall after the previous one.</source>
        <translation>每一期的日期必須晚於前一期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="30"/>
        <source>The down payment must be less than the agreed total.</source>
        <translation>頭期款必須少於協議總額。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="31"/>
        <source>The discount must be between 0 and {max} %.</source>
        <translation>折扣必須介於 0 到 {max} % 之間。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="32"/>
        <source>Say until when the early-payment discount applies.</source>
        <translation>請填寫提前付款折扣的截止日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="33"/>
        <source>Pick at least one invoice.</source>
        <translation>請至少選擇一張發票。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="34"/>
        <source>The signature is too small; clear it and sign again.</source>
        <translation>簽名太小，請清除後重新簽名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="35"/>
        <source>Not a date that exists: pick the day from the calendar.</source>
        <translation>此日期不存在：請從日曆中選擇日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="36"/>
        <source>Signature required: sign in the box.</source>
        <translation>需要簽名：請在框內簽名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="37"/>
        <source>Add a photo of the closed premises.</source>
        <translation>請附上店鋪關閉的照片。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="38"/>
        <source>The customer was absent: say what you found, add a photo and the revisit date.</source>
        <translation>客戶不在：請說明現場情況，附上照片並填寫再訪日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="39"/>
        <source>Nobody to meet? Tick &quot;Customer absent&quot; at Meet first.</source>
        <translation>無人可會面？請先在「會面」步驟勾選「客戶不在」。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="40"/>
        <source>Nobody was met, so nobody refused: remove the refusal or untick &quot;Customer absent&quot; at Meet.</source>
        <translation>未與任何人會面，就不會有人拒絕付款：請移除拒絕付款，或在「會面」步驟取消勾選「客戶不在」。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="41"/>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation>太長：{length} 個字元，最多 {max} 個。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="42"/>
        <source>Money received, promises and installments come to {committed}, more than the {balance} owed: confirm why.</source>
        <translation>當場收款、承諾與分期合計 {committed}，超過未付餘額 {balance}：請確認原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="45"/>
        <source>Not an amount: type digits, e.g. {example}.</source>
        <translation>不是有效的金額：請輸入數字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="46"/>
        <source>Add at least one outcome.</source>
        <translation>請至少加入一項結果。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="47"/>
        <source>The signer&apos;s printed name is required.</source>
        <translation>請填寫簽名人的正楷姓名。</translation>
    </message>
</context>
</TS>
