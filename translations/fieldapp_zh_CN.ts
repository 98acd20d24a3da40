<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AbsenceCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="97"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="98"/>
        <source>Revisit on</source>
        <translation>再访日期</translation>
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
        <translation>无人可会面：将跳过“倾听”步骤及客户签名。请在“解决方案”步骤中说明现场情况，添加店铺照片，并填写再访日期。</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="57"/>
        <source>Open invoices</source>
        <translation>未结发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="61"/>
        <source>Last payment: %1, %2 (%3)</source>
        <translation>最近一次付款：%1，%2（%3）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="66"/>
        <source>No payments recorded.</source>
        <translation>暂无付款记录。</translation>
    </message>
</context>
<context>
    <name>AgingModel</name>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="41"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="43"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="45"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
</context>
<context>
    <name>AgingStrip</name>
    <message>
        <location filename="../fieldapp/ui/views/aging_strip.py" line="50"/>
        <source>Nothing open: every invoice is paid.</source>
        <translation>无未结账款：所有发票均已付清。</translation>
    </message>
</context>
<context>
    <name>AssignButtons</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="61"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="62"/>
        <source>Give the customers picked in the list to a collector</source>
        <translation>将列表中选中的客户分配给催收员</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="67"/>
        <source>Assign all %n matching…</source>
        <translation>
            <numerusform>分配全部 %n 家符合条件的客户…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="69"/>
        <source>Give every customer the search and filters keep to a collector</source>
        <translation>将搜索和筛选后保留的所有客户分配给催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="71"/>
        <source>Assign all matching…</source>
        <translation>分配全部符合条件的客户…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="73"/>
        <source>Narrow the list with the search or the filters first</source>
        <translation>请先通过搜索或筛选条件缩小列表范围</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="64"/>
        <source>Assign customers</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="65"/>
        <source>Collector:</source>
        <translation>催收员：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="66"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="68"/>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="88"/>
        <source>No collector</source>
        <translation>不分配催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="103"/>
        <source>Counting the customers…</source>
        <translation>正在统计客户数…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="107"/>
        <source>No customers match.</source>
        <translation>没有符合条件的客户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="112"/>
        <source>Take all %n matching customers away from their collectors?</source>
        <translation>
            <numerusform>要将全部 %n 家符合条件的客户从原催收员名下移出吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="115"/>
        <source>Assign all %n matching customers to %1?</source>
        <translation>
            <numerusform>要将全部 %n 家符合条件的客户分配给 %1 吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="120"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 家客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignedCustomersModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="73"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="74"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="75"/>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="76"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="78"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
</context>
<context>
    <name>AssignmentHistoryDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="49"/>
        <source>Assignment history</source>
        <translation>分配记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="50"/>
        <source>Assignments, newest first. Undo gives the customers of the selected assignment back their previous collectors.</source>
        <translation>各次分配，按时间由新到旧排列。“撤销”会将所选分配中的客户交还给原来的催收员。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="52"/>
        <source>Undo this assignment</source>
        <translation>撤销此次分配</translation>
    </message>
</context>
<context>
    <name>AssignmentLogModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="18"/>
        <source>No collector</source>
        <translation>无催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="130"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="132"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="133"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="135"/>
        <source>From</source>
        <translation>原催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="136"/>
        <source>To</source>
        <translation>新催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="137"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="138"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>BackgroundTab</name>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business status</source>
        <translation>经营状况</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business notes</source>
        <translation>经营概况</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="58"/>
        <source>Financial situation</source>
        <translation>财务状况</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="59"/>
        <source>Personality &amp; communication</source>
        <translation>性格与沟通方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Cooperating since</source>
        <translation>合作起始日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
</context>
<context>
    <name>BalanceRefresh</name>
    <message>
        <location filename="../fieldapp/ui/visit/balances.py" line="36"/>
        <source>Another record took money from this customer: open balances are updated.</source>
        <translation>另一份记录已向此客户收款：未付余额已更新。</translation>
    </message>
</context>
<context>
    <name>BatchPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="73"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="80"/>
        <source>Printing %1…</source>
        <translation>正在打印 %1…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="86"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="88"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="96"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="97"/>
        <source>The PDF could not be saved to %1:
%2</source>
        <translation>无法将 PDF 保存到 %1：
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="106"/>
        <source>%1 pages · %2 documents for %3 customers · signed by %4</source>
        <translation>共 %1 页 · %3 家客户的 %2 份文件 · 由 %4 签署</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="109"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="110"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="111"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="107"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="108"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="109"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="111"/>
        <source>To</source>
        <translation>分配给</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="113"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="119"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="121"/>
        <source>Undoes an earlier assignment</source>
        <translation>撤销之前的一次分配</translation>
    </message>
</context>
<context>
    <name>BundleDrop</name>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="38"/>
        <source>Not day bundles</source>
        <translation>不是每日数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="39"/>
        <source>Only day bundles from the laptops (.zip files, or folders of them) can be dropped here. These were not imported:
%1</source>
        <translation>此处只能拖放来自各电脑的每日数据包（.zip 文件或包含这些文件的文件夹）。以下内容未导入：
%1</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="22"/>
        <source>Change PIN or passphrase</source>
        <translation>修改 PIN 码或密码短语</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="27"/>
        <source>Current PIN or passphrase:</source>
        <translation>当前 PIN 码或密码短语：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="28"/>
        <source>New PIN or passphrase:</source>
        <translation>新的 PIN 码或密码短语：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="29"/>
        <source>The same again:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="43"/>
        <source>The two new entries are not the same.</source>
        <translation>两次输入的新内容不一致。</translation>
    </message>
</context>
<context>
    <name>CollectorDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="66"/>
        <source>Add a collector</source>
        <translation>添加催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="67"/>
        <source>Change a collector</source>
        <translation>修改催收员信息</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="69"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="71"/>
        <source>Active: customers can be assigned</source>
        <translation>启用：可分配客户</translation>
    </message>
</context>
<context>
    <name>CollectorsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="13"/>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="14"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="24"/>
        <source>No laptop enrolled</source>
        <translation>尚未注册任何电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="28"/>
        <source>{device}: enrolled {day}, revoked</source>
        <translation>设备 {device}：{day} 注册，已吊销</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="31"/>
        <source>{device}: enrolled {day}</source>
        <translation>设备 {device}：{day} 注册</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="43"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="44"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="45"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="47"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="49"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="51"/>
        <source>Open follow-ups</source>
        <translation>待跟进事项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="53"/>
        <source>Laptops</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="56"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
</context>
<context>
    <name>CollectorsView</name>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Add collector…</source>
        <translation>添加催收员…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="70"/>
        <source>Assign customers without a collector…</source>
        <translation>分配尚无催收员的客户…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="71"/>
        <source>Move selected customers…</source>
        <translation>转移选中的客户…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="72"/>
        <source>Assignment history…</source>
        <translation>分配记录…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="94"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="95"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="102"/>
        <source>Choose a collector to see their customers.</source>
        <translation>请选择催收员以查看其客户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/collectors_view.py" line="104"/>
        <source>%n customers of %1</source>
        <translation>
            <numerusform>共 %n 家客户，由 %1 负责</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="57"/>
        <source>No unfinished visits.</source>
        <translation>没有未完成的拜访。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="124"/>
        <source>Amend a finalized record</source>
        <translation>修订已完成的记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="125"/>
        <source>The record stays as it was signed. The correction is a new record that refers to it. Why is it corrected?</source>
        <translation>原记录保持签名时的内容不变；修订会另建一份引用原记录的新记录。请说明更正原因：</translation>
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
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="94"/>
        <source>New contact&apos;s phone</source>
        <translation>新联系人的电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="136"/>
        <source>Conflicts waiting for a decision: %1, the oldest first. Nothing was overwritten: each shows the value both sides started from, the office&apos;s and the laptop&apos;s.</source>
        <translation>有 %1 项冲突等待决定，按时间由旧到新排列。未覆盖任何数据：每项都显示双方修改前的原值、公司端的值和电脑端的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="139"/>
        <source>No conflicts: every change from the laptops was applied.</source>
        <translation>没有冲突：来自各电脑的所有更改均已应用。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Detail</source>
        <translation>资料项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Office&apos;s value</source>
        <translation>公司端的值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Laptop&apos;s value</source>
        <translation>电脑端的值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="145"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="146"/>
        <source>Keep the &amp;office&apos;s value</source>
        <translation>保留公司端的值(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="147"/>
        <source>Take the &amp;laptop&apos;s value</source>
        <translation>采用电脑端的值(&amp;L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="148"/>
        <source>or type the right value</source>
        <translation>或输入正确的值</translation>
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
        <translation>选择联系人或输入姓名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="62"/>
        <source>Authority to pay</source>
        <translation>有付款决定权</translation>
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
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="34"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="35"/>
        <source>Authority</source>
        <translation>付款决定权</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="36"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="37"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="46"/>
        <source>Authority to pay</source>
        <translation>有付款决定权</translation>
    </message>
</context>
<context>
    <name>ContractTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="54"/>
        <source>Number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="55"/>
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="57"/>
        <source>Goods</source>
        <translation>货品</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="59"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
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
            <numerusform>账期 %n 天</numerusform>
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
            <numerusform>（%n 天内付清）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="45"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="47"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="49"/>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="51"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="55"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Tax code</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Status</source>
        <translation>经营状况</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="89"/>
        <source>Language</source>
        <translation>文件语言</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="16"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="18"/>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="20"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="22"/>
        <source>code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="24"/>
        <source>tax code or several fields</source>
        <translation>纳税人识别号或多个字段</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="45"/>
        <source>Found in</source>
        <translation>匹配字段</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="152"/>
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="154"/>
        <source>More than %n customers match “%1”</source>
        <translation>
            <numerusform>超过 %n 个客户匹配“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="157"/>
        <source>%n customers match “%1”</source>
        <translation>
            <numerusform>%n 个客户匹配“%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="160"/>
        <source>Customers matching “%1”</source>
        <translation>匹配“%1”的客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="162"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="164"/>
        <source>No customer matches “%1”</source>
        <translation>没有匹配“%1”的客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="213"/>
        <source>Search name, code, tax code, phone, contact…</source>
        <translation>搜索名称、编号、税号、电话、联系人…</translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="101"/>
        <source>Pick a customer in the list to see their file</source>
        <translation>请在列表中选择客户以查看其资料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="104"/>
        <source>Collector: %1</source>
        <translation>催收员：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="106"/>
        <source>Collector: nobody yet</source>
        <translation>催收员：尚未分配</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Payments</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="115"/>
        <source>Deliveries</source>
        <translation>送货记录</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="75"/>
        <source>Add a customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="76"/>
        <source>Name, code or phone</source>
        <translation>名称、编号或电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="77"/>
        <source>Add to the route</source>
        <translation>加入路线</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Background</source>
        <translation>背景信息</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Deliveries</source>
        <translation>送货记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Payments</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="211"/>
        <source>Pick a customer from today&apos;s route or search (Ctrl+F)</source>
        <translation>请从今日路线中选择客户，或搜索客户（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="212"/>
        <source>Correct &amp;details…</source>
        <translation>更正资料(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="214"/>
        <source>Correct the address, a contact&apos;s phone or add a contact; the office gets the change with the next sync</source>
        <translation>更正地址、联系人的电话或添加联系人；下次同步时公司会收到这些更改</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="82"/>
        <source>Money collected</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="89"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="91"/>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Kept</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Partially kept</source>
        <translation>部分兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Broken</source>
        <translation>未兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="97"/>
        <source>Still open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="134"/>
        <source>Money collected per day</source>
        <translation>每日收款金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Visits and calls</source>
        <translation>拜访和电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="136"/>
        <source>Aging over time</source>
        <translation>账龄变化趋势</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="120"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="218"/>
        <source>All collectors</source>
        <translation>全部催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="123"/>
        <source>Customers not assigned</source>
        <translation>未分配的客户</translation>
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
        <translation>导出指标数据</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="182"/>
        <source>Workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Value</source>
        <translation>数值</translation>
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
        <translation>计算口径</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="193"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="200"/>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="194"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>&amp;Collector</source>
        <translation>催收员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="208"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="209"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="210"/>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../fieldapp/ui/date_edit.py" line="90"/>
        <source>Type a date like %1</source>
        <translation>请按 %1 的格式输入日期</translation>
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
        <translation>已勾选 %1 份，共 %2 份（按空格键可勾选或取消勾选选中的项目）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="170"/>
        <source>No agreements were made on %1.</source>
        <translation>%1 没有签订任何协议书。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="199"/>
        <source>Reading the agreements…</source>
        <translation>正在读取协议书…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="216"/>
        <source>Print the agreements of %1</source>
        <translation>打印 %1 的协议书</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="218"/>
        <source>Printing the agreements…</source>
        <translation>正在打印协议书…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="225"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>已发送 %n 页进行打印。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="230"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="233"/>
        <source>Print agreements of a day</source>
        <translation>打印某日的协议书</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="234"/>
        <source>Agreements made on &amp;day:</source>
        <translation>协议签订日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="235"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="236"/>
        <source>All ticked agreements in one print job</source>
        <translation>将所有勾选的协议书合并为一个打印任务</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="238"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
</context>
<context>
    <name>DeliveriesTab</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/file_tabs.py" line="118"/>
        <source>%n deliveries don&apos;t match the contract — check them before talking about money</source>
        <translation>
            <numerusform>有 %n 笔送货与合同不符，谈款项之前请先核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="129"/>
        <source>ordered %1, delivered %2</source>
        <translation>订购 %1，实送 %2</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="95"/>
        <source>Note</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="96"/>
        <source>Delivered</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="98"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="99"/>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="101"/>
        <source>Delivered qty</source>
        <translation>实送数量</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="104"/>
        <source>Discrepancy</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="106"/>
        <source>Receiver</source>
        <translation>签收人</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="123"/>
        <source>%1, confirmed</source>
        <translation>%1，已确认</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="125"/>
        <source>%1, not confirmed yet</source>
        <translation>%1，尚未确认</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="145"/>
        <source>on time</source>
        <translation>时间准确</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="146"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="147"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
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
        <translation>这台电脑的时钟似乎偏差超过 10 分钟：其拜访和承诺的时间也会偏差同样多。请让催收员校准时钟（数据包传送耗时较长时，时钟看起来也会偏慢）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="161"/>
        <source>The time between the laptop writing its last bundle, by its own clock, and the office receiving it.</source>
        <translation>电脑按其自身时钟写出最近一个数据包，到公司收到该数据包之间的时间。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="167"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Already imported</source>
        <translation>此前已导入</translation>
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
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="178"/>
        <source>Waiting for an earlier bundle from this laptop</source>
        <translation>正在等待本电脑之前的数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="206"/>
        <source>Discard bundle</source>
        <translation>丢弃数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="207"/>
        <source>Discard the bundle %1? Its records will not be imported; the laptop can send them again only if it still has them.</source>
        <translation>要丢弃数据包 %1 吗？其中的记录将不会导入；该电脑只有在仍保留这些记录时才能重新发送。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Import day bundles</source>
        <translation>导入每日数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Day bundles (*.zip)</source>
        <translation>每日数据包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="232"/>
        <source>Importing day bundles…</source>
        <translation>正在导入每日数据包…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="238"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4

Acknowledgements for the laptops are written at the next sync with the sync folder (Sync › Import arrived bundles), or by the command fieldapp office import-bundles.</source>
        <translation>已导入：%1
此前已导入：%2
等待更早的数据包：%3
已隔离：%4

给各电脑的确认回执会在公司下次与同步文件夹同步时写出（同步 › 导入已到达的数据包），或通过命令 fieldapp office import-bundles 写出。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="246"/>
        <source>Day bundles</source>
        <translation>每日数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="251"/>
        <source>Enrolled laptops</source>
        <translation>已注册的电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="252"/>
        <source>Bundles received (the selected laptop&apos;s, or all)</source>
        <translation>已接收的数据包（所选电脑的，或全部）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Laptop</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Enrolled</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Last bundle</source>
        <translation>最近的数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Pack</source>
        <translation>分配数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="257"/>
        <source>Last ack</source>
        <translation>最近确认回执</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="259"/>
        <source>No laptop is enrolled yet. To enroll one: on the laptop choose Sync › Enroll this laptop… (or run fieldapp enroll request --out FILE) and bring the request here; sign it for its collector with fieldapp office enroll FILE --collector NAME --out ANSWER; then install the answer on the laptop (Sync › Enroll this laptop…, or fieldapp enroll install ANSWER). Its bundles and health show here from then on.</source>
        <translation>尚未注册任何电脑。注册方法：在电脑上选择“同步 › 注册本机…”（或运行 fieldapp enroll request --out FILE），并将请求文件拿到公司端这里；用 fieldapp office enroll FILE --collector NAME --out ANSWER 为该电脑的催收员签署；然后在电脑上安装应答文件（同步 › 注册本机…，或 fieldapp enroll install ANSWER）。此后该电脑的数据包和运行状况都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Bundle</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="267"/>
        <source>All laptops</source>
        <translation>所有电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="268"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="269"/>
        <source>Discard…</source>
        <translation>丢弃…</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="24"/>
        <source>Customer&apos;s reason</source>
        <translation>客户所述原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="27"/>
        <source>Invoices concerned</source>
        <translation>相关发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="28"/>
        <source>What the customer says</source>
        <translation>客户说法</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="31"/>
        <source>Customer&apos;s proposed resolution</source>
        <translation>客户提出的解决方案</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="32"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="36"/>
        <source>Escalate by</source>
        <translation>上报期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="59"/>
        <source>already disputed</source>
        <translation>已有争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="63"/>
        <source>%1 — the supervisor must have it within 24 hours</source>
        <translation>%1 — 须在 24 小时内上报主管</translation>
    </message>
</context>
<context>
    <name>DocumentInfoPanel</name>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="78"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="79"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="80"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="81"/>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="83"/>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="84"/>
        <source>Pages</source>
        <translation>页数</translation>
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
        <translation>开发测试证书 — 不具证据效力。
本文件使用本机的开发测试密钥签署，而非公司签发的证书。</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="44"/>
        <source>Opening the visit record…</source>
        <translation>正在打开拜访记录…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="50"/>
        <source>Making the statement of account…</source>
        <translation>正在生成对账单…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="60"/>
        <source>Making the agreement for signing in ink…</source>
        <translation>正在生成供亲笔签名的协议书…</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="30"/>
        <source>%1 (development)</source>
        <translation>%1（开发测试）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="37"/>
        <source>Signed with a development certificate: not valid as evidence</source>
        <translation>使用开发测试证书签署：不具证据效力</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="45"/>
        <source>%1 — replaced by %2</source>
        <translation>%1 — 已由 %2 取代</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="52"/>
        <source>An amendment replaced this document with %1; it is kept unchanged as evidence and can still be verified.</source>
        <translation>此文件已由修订后的 %1 取代；原文件保持不变，留作证据，仍可验证。</translation>
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
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="72"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="74"/>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="131"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="137"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="145"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="152"/>
        <source>Printing %1…</source>
        <translation>正在打印 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/viewer.py" line="157"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>已发送 %n 页进行打印。</numerusform>
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
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="174"/>
        <source>The copy could not be saved to %1:
%2</source>
        <translation>无法将副本保存到 %1：
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="178"/>
        <source>Saved a copy to %1</source>
        <translation>已将副本保存到 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="195"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="196"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="197"/>
        <source>Print through the system print dialog (Ctrl+P)</source>
        <translation>通过系统打印对话框打印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="198"/>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="199"/>
        <source>Save the signed PDF, unchanged (Ctrl+S)</source>
        <translation>保存已签署的 PDF，内容保持不变（Ctrl+S）</translation>
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
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="203"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="204"/>
        <source>&amp;Fit width</source>
        <translation>适合宽度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="205"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>将页面缩放至窗口宽度（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="206"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="207"/>
        <source>Close the viewer (Esc)</source>
        <translation>关闭查看器（Esc）</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="80"/>
        <source>No documents yet. Finalized visits get a signed record; a statement of account can be made at any time.</source>
        <translation>暂无文件。拜访完成后会生成已签名的记录；对账单可随时生成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="82"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="83"/>
        <source>Open the selected document (Enter)</source>
        <translation>打开所选文件（Enter）</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="23"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="24"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="25"/>
        <source>Last saved</source>
        <translation>上次保存时间</translation>
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
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="181"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="184"/>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="19"/>
        <source>This database was written by a newer version of fieldapp (schema {version}; this one knows up to {latest}). Install the newer version to open it.</source>
        <translation>此数据库由较新版本的 fieldapp 写入（数据库结构版本 {version}；当前版本最高仅支持 {latest}）。请安装较新版本后再打开。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="22"/>
        <source>Upgrading the database to schema {step} failed: {reason}</source>
        <translation>数据库升级到结构版本 {step} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="24"/>
        <source>Upgrading the database to schema {step} failed: {reason}. The database as it was before is saved as {backup}.</source>
        <translation>数据库升级到结构版本 {step} 失败：{reason}。升级前的数据库已另存为 {backup}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="27"/>
        <source>The database {database} is damaged and cannot be read. It was left as it is.</source>
        <translation>数据库 {database} 已损坏，无法读取。数据库保持原状，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="29"/>
        <source>{database} is a folder where the database file should be. Move the folder away or choose another profile folder.</source>
        <translation>{database} 是文件夹，但此处应为数据库文件。请将该文件夹移走，或选择其他用户数据文件夹。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="32"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only. fieldapp keeps its database there.</source>
        <translation>无法写入用户数据文件夹 {folder}：该文件夹或其所在磁盘为只读。fieldapp 的数据库存放在此文件夹中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="35"/>
        <source>The database {database} cannot be opened: {reason}</source>
        <translation>无法打开数据库 {database}：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="37"/>
        <source>The disk holding {database} is full, so the last change was not written. Free some space and try again.</source>
        <translation>{database} 所在的磁盘已满，因此最后一项更改未能写入。请释放部分空间后重试。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="40"/>
        <source>The backup {backup} could not be restored: {reason}. The damaged database was left as it was.</source>
        <translation>无法恢复备份 {backup}：{reason}。已损坏的数据库保持原状。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="43"/>
        <source>This customer is no longer in the portfolio.</source>
        <translation>此客户已不在客户清单中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="45"/>
        <source>This visit no longer exists.</source>
        <translation>此拜访记录已不存在。</translation>
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
        <translation>此拜访已完成：如需更正，请以修订方式记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="50"/>
        <source>This visit is final and cannot be discarded.</source>
        <translation>此拜访已完成，无法删除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="52"/>
        <source>This visit was already finalized.</source>
        <translation>此拜访此前已完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="53"/>
        <source>Only unfinished visits are saved; a final visit is corrected by an amendment.</source>
        <translation>只有未完成的拜访可以保存；已完成的拜访须以修订方式更正。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="55"/>
        <source>The documents of a visit are made once it is finalized.</source>
        <translation>拜访完成后才会生成相关文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="57"/>
        <source>The visit cannot be finalized yet: some steps still have problems.</source>
        <translation>拜访尚无法完成：部分步骤仍有问题。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="59"/>
        <source>This visit was recorded by a newer version of fieldapp; install it to open the visit.</source>
        <translation>此拜访记录由较新版本的 fieldapp 创建；请安装该版本后再打开。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="62"/>
        <source>Say why the visit is amended.</source>
        <translation>请说明修订此拜访记录的原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="63"/>
        <source>Only a final visit can be amended; finish the unfinished one instead.</source>
        <translation>只有已完成的拜访才能修订；未完成的拜访请直接继续完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="65"/>
        <source>Receipt {receipts} was already issued: only the office can void a receipt, an amendment cannot remove it.</source>
        <translation>收据 {receipts} 已开具：只有公司内勤可以作废收据，修订无法将其删除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="68"/>
        <source>This visit has no installment plan {index}.</source>
        <translation>此拜访没有分期付款计划 {index}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="70"/>
        <source>The document could not be read: the file is damaged.</source>
        <translation>无法读取文件：文件已损坏。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="72"/>
        <source>Document {number} could not be made. The visit is finalized and its money recorded; the document waits as pending: press Retry under the visit. The details are in the log.</source>
        <translation>无法生成文件 {number}。拜访已完成，款项也已记录；该文件目前为待生成状态：请点击拜访下方的“重试”。详细信息请查看日志。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="76"/>
        <source>The stored record of this visit was changed outside fieldapp: it no longer matches its fingerprint.</source>
        <translation>此拜访已保存的记录曾在 fieldapp 之外被修改：已与其数字指纹不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="79"/>
        <source>The checklist “{kind}” is missing from this installation; reinstall fieldapp.</source>
        <translation>当前安装缺少检查清单“{kind}”；请重新安装 fieldapp。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="81"/>
        <source>A checklist was written for a newer version of fieldapp; install the newer version.</source>
        <translation>有检查清单是为较新版本的 fieldapp 编写的；请安装较新版本。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="84"/>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="85"/>
        <source>{name} cannot be attached: attach files from 1 byte to 20 MB.</source>
        <translation>无法添加 {name}：附件大小须在 1 字节到 20 MB 之间。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="87"/>
        <source>The profile folder {folder} cannot be created: {reason}</source>
        <translation>无法创建用户数据文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="89"/>
        <source>The profile folder was given as an empty name.</source>
        <translation>用户数据文件夹的名称为空。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="91"/>
        <source>{folder} is a file, not a folder: choose a folder for the profile.</source>
        <translation>{folder} 是文件而不是文件夹：请选择一个文件夹作为用户数据文件夹。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="93"/>
        <source>fieldapp is already running with the profile {folder}. Use that window: two programs on one profile would overwrite each other&apos;s drafts.</source>
        <translation>fieldapp 已在使用用户数据文件夹 {folder} 运行。请使用该窗口：两个程序同时使用同一个用户数据文件夹会互相覆盖草稿。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="96"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only.</source>
        <translation>无法写入用户数据文件夹 {folder}：该文件夹或其所在磁盘为只读。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="98"/>
        <source>There is no display to show the window on.</source>
        <translation>没有可显示窗口的显示器。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="100"/>
        <source>There is no profile folder to keep this device&apos;s signing keys in.</source>
        <translation>没有可存放此设备签名密钥的用户数据文件夹。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="102"/>
        <source>This laptop&apos;s signing key in {path} is damaged, so nothing was signed. Move the file away to have a new key made; documents signed before stay valid.</source>
        <translation>本机位于 {path} 的签名密钥已损坏，因此未签署任何文件。请将该文件移到别处，以生成新的密钥；之前签署的文件仍然有效。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="105"/>
        <source>The certificate in {path} does not belong to this laptop&apos;s signing key, so nothing was signed.</source>
        <translation>{path} 中的证书与本机的签名密钥不匹配，因此未签署任何文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="108"/>
        <source>The signing key file {path} has no whole certificate, so nothing was signed.</source>
        <translation>签名密钥文件 {path} 缺少完整的证书，因此未签署任何文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="110"/>
        <source>The company certificate in {path} is damaged, so nothing was signed.</source>
        <translation>位于 {path} 的公司证书已损坏，因此未签署任何文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="112"/>
        <source>“{value}” is not one of the values this setting allows.</source>
        <translation>“{value}”不是此设置允许的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="114"/>
        <source>“{zone}” is not a time zone: use a name like Asia/Taipei or an offset like +07:00.</source>
        <translation>“{zone}”不是有效的时区：请使用 Asia/Shanghai 这样的名称，或 +08:00 这样的 UTC 偏移量。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="117"/>
        <source>The currency {currency} is not supported.</source>
        <translation>不支持币种 {currency}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="119"/>
        <source>Amounts in {first} and {second} cannot be added together.</source>
        <translation>{first} 和 {second} 的金额不能相加。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="121"/>
        <source>“{text}” is not an amount.</source>
        <translation>“{text}”不是有效的金额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="122"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>“{text}”的小数位数超过 {currency} 允许的位数。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="124"/>
        <source>“{text}” is too large: one amount can be at most {limit}.</source>
        <translation>“{text}”太大：单笔金额最多为 {limit}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="126"/>
        <source>An installment plan needs at least one installment.</source>
        <translation>分期付款计划至少需要一期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="128"/>
        <source>The demo portfolio needs at least one customer.</source>
        <translation>演示客户清单至少需要一家客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="130"/>
        <source>Demo data can only be generated into an empty database.</source>
        <translation>演示数据只能生成到空数据库中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="132"/>
        <source>The database already holds {count} customers.</source>
        <translation>数据库中已有 {count} 家客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="10"/>
        <source>The file cannot be read as a receivables export. Nothing was imported.</source>
        <translation>无法将此文件作为应收账款导出文件读取。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="12"/>
        <source>The file has {count} problems that concern all of it (totals that do not add up, dates that read two ways, lost letters). Nothing was imported.</source>
        <translation>此文件有 {count} 个涉及整个文件的问题（合计金额不符、日期有两种读法、文字丢失）。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="15"/>
        <source>This is a summary with one balance per customer and no invoices, so it is not imported as invoices. It can be loaded as opening balances on a date.</source>
        <translation>这是汇总表，每个客户只有一笔余额，没有发票明细，因此无法作为发票导入。可改为导入为某一日期的期初余额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="18"/>
        <source>{count} rows have problems. Nothing was imported. Fix them, or import the other rows and skip these.</source>
        <translation>有 {count} 行有问题。未导入任何数据。请修正这些行，或导入其他行并跳过这些行。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="21"/>
        <source>The file holds no invoices. Nothing was imported.</source>
        <translation>此文件中没有任何发票。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="23"/>
        <source>There is no source called {source}.</source>
        <translation>没有名为 {source} 的数据来源。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="24"/>
        <source>&quot;{name}&quot; cannot name a source: use 1 to {limit} characters.</source>
        <translation>“{name}”不能作为数据来源名称：请使用 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="27"/>
        <source>There is no collector “{collector}”.</source>
        <translation>找不到催收员“{collector}”。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="28"/>
        <source>There is no customer with the code “{customer_code}”.</source>
        <translation>找不到编号为“{customer_code}”的客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="30"/>
        <source>Customer {customer} is not assigned to this collector: assign it first or leave it off the route.</source>
        <translation>客户 {customer} 未分配给该催收员：请先分配，或将其从路线中移除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="33"/>
        <source>Customer {customer} is on the route twice (again at stop {stop}).</source>
        <translation>客户 {customer} 在路线中出现了两次（第 {stop} 个拜访点重复）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="35"/>
        <source>{count} stops are more than a day holds (at most {limit}).</source>
        <translation>{count} 个拜访点超过一天可安排的数量（最多 {limit} 个）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="37"/>
        <source>“{text}” is not a time of day: type it as HH:MM, for example 08:30.</source>
        <translation>“{text}”不是有效的时间：请按 HH:MM 格式输入，例如 08:30。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="40"/>
        <source>{bucket} is not an aging bucket; choose current, 1–30, 31–60, 61–90 or 90+.</source>
        <translation>{bucket} 不是有效的账龄区间；请选择未到期、1–30、31–60、61–90 或 90+。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="42"/>
        <source>A collector needs a name.</source>
        <translation>催收员必须填写姓名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="43"/>
        <source>A collector&apos;s name has at most {max} characters, not {length}.</source>
        <translation>催收员姓名最多 {max} 个字符，当前为 {length} 个。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="45"/>
        <source>A collector&apos;s phone has at most {max} characters, not {length}.</source>
        <translation>催收员电话最多 {max} 个字符，当前为 {length} 个。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="47"/>
        <source>{language} is not a language a collector can use; choose one of {languages}.</source>
        <translation>{language} 不是催收员可使用的语言；请从 {languages} 中选择一种。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="49"/>
        <source>There is no collector {collector}.</source>
        <translation>找不到催收员 {collector}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="50"/>
        <source>There is already a collector named {name}; choose another name.</source>
        <translation>已有名为 {name} 的催收员；请改用其他姓名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="52"/>
        <source>{name} has {count} customers and cannot be deleted. Deactivate the collector instead, or move the customers first.</source>
        <translation>{name} 名下有 {count} 家客户，无法删除。请改为停用该催收员，或先将这些客户转移给他人。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="55"/>
        <source>{name} appears in the assignment history or on routes and cannot be deleted. Deactivate the collector instead.</source>
        <translation>{name} 已出现在分配记录或路线中，无法删除。请改为停用该催收员。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="58"/>
        <source>{name} is not active. Activate the collector before assigning customers.</source>
        <translation>{name} 已停用。请先启用该催收员，再分配客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="60"/>
        <source>No customer has the code {codes}.</source>
        <translation>找不到编号为 {codes} 的客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="61"/>
        <source>Choose the customers or a filter, not both.</source>
        <translation>请选择客户或筛选条件，不能同时使用两者。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="63"/>
        <source>The matching customers changed since they were counted ({expected} then, {now} now). Nothing was assigned; check the list and try again.</source>
        <translation>符合条件的客户在统计后发生了变化（当时 {expected} 家，现在 {now} 家）。未分配任何客户；请检查列表后重试。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="66"/>
        <source>This assignment cannot be found any more.</source>
        <translation>此次分配已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="68"/>
        <source>This assignment was already undone.</source>
        <translation>此次分配此前已撤销。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="70"/>
        <source>This assignment cannot be undone: {count} of its customers changed collector since ({customers}). Nothing was undone.</source>
        <translation>无法撤销此次分配：其中 {count} 家客户此后已更换催收员（{customers}）。未撤销任何内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="74"/>
        <source>The office database already holds {count} customers.</source>
        <translation>公司端数据库已有 {count} 家客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="76"/>
        <source>The office database {database} lacks the pg_trgm extension that customer search needs, and this account may not install it. The database owner has to run CREATE EXTENSION pg_trgm in it once.</source>
        <translation>公司端数据库 {database} 缺少搜索客户所需的 pg_trgm 扩展，而此账号无权安装。请数据库所有者在其中执行一次 CREATE EXTENSION pg_trgm。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="80"/>
        <source>{url} is not a database address this program can use. Write it as postgresql+psycopg://user:password@host:5432/database.</source>
        <translation>{url} 不是本程序可用的数据库地址。请写成 postgresql+psycopg://user:password@host:5432/database。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="83"/>
        <source>The database server {server} cannot be reached. Check the address and that the server is running.</source>
        <translation>无法连接到数据库服务器 {server}。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="86"/>
        <source>The database server {server} refused the user {user}. Check the user name and the password.</source>
        <translation>数据库服务器 {server} 拒绝了用户 {user}。请检查用户名和密码。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="89"/>
        <source>The database server {server} has no database named {database}.</source>
        <translation>数据库服务器 {server} 没有名为 {database} 的数据库。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="91"/>
        <source>The database server {server} refused the connection: {reason}</source>
        <translation>数据库服务器 {server} 拒绝了连接：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="93"/>
        <source>The demo opens a throwaway office of its own and never uses the database {url}.</source>
        <translation>演示会打开自己的临时公司端，绝不使用数据库 {url}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="10"/>
        <source>This laptop&apos;s company certificate expired on {until}, so nothing was signed. Ask the office to enroll it again.</source>
        <translation>本机的公司证书已于 {until} 过期，因此未签署任何文件。请联系公司为本机重新注册。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="13"/>
        <source>This file is not a fieldapp bundle.</source>
        <translation>此文件不是 fieldapp 数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="15"/>
        <source>The bundle is too large to be read safely: {size} bytes where at most {limit} are allowed.</source>
        <translation>数据包过大，无法安全读取：大小为 {size} 字节，上限为 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="18"/>
        <source>The bundle member {member} would inflate far more than a real file does, so it was not opened.</source>
        <translation>数据包中的文件 {member} 解压后会远大于正常文件的大小，因此未打开。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="21"/>
        <source>The bundle holds a member with a name that is not allowed: {member}.</source>
        <translation>数据包中含有名称不允许的文件：{member}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="23"/>
        <source>The bundle holds the member {member} twice.</source>
        <translation>数据包中的文件 {member} 重复出现了两次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="25"/>
        <source>The bundle holds a member its list does not name: {member}.</source>
        <translation>数据包中含有内容清单未列出的文件：{member}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="27"/>
        <source>The bundle lacks the member {member} that its list names.</source>
        <translation>数据包缺少内容清单中列出的文件 {member}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="29"/>
        <source>The bundle member {member} was changed after the bundle was signed.</source>
        <translation>数据包中的文件 {member} 在数据包签名后被修改过。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="31"/>
        <source>The bundle&apos;s signature does not verify: it was changed or damaged.</source>
        <translation>数据包的签名验证失败：数据包已被修改或损坏。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="33"/>
        <source>The bundle was signed by {signer}, whose certificate the company did not issue.</source>
        <translation>数据包由 {signer} 签名，但其证书并非公司签发。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="36"/>
        <source>The certificate of {signer} is not valid now.</source>
        <translation>{signer} 的证书当前无效。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="38"/>
        <source>The bundle was signed by {signer}, a laptop the office revoked.</source>
        <translation>数据包由 {signer} 签名，而该电脑已被公司吊销。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="40"/>
        <source>The bundle was made by a newer fieldapp (format {format}; this one reads up to {known}). Install the newer version.</source>
        <translation>此数据包由较新版本的 fieldapp 生成（格式 {format}；当前版本最高只能读取 {known}）。请安装较新版本。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="43"/>
        <source>The bundle&apos;s list of contents is not valid.</source>
        <translation>数据包的内容清单无效。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="45"/>
        <source>The bundle says it comes from another laptop than the one that signed it.</source>
        <translation>数据包声明的来源电脑与签名的电脑不一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="47"/>
        <source>This is not the kind of bundle expected here.</source>
        <translation>这不是此处所需类型的数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="49"/>
        <source>{file} is not a certificate request from fieldapp.</source>
        <translation>{file} 不是 fieldapp 生成的证书请求文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="51"/>
        <source>The office already has a company CA; it is never replaced.</source>
        <translation>公司端已有公司 CA，且永远不会更换。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="53"/>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation>密码短语至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="55"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>两次输入的密码短语不一致；未创建任何内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="57"/>
        <source>The company CA&apos;s passphrase is needed.</source>
        <translation>需要输入公司 CA 的密码短语。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="59"/>
        <source>The office has no company CA yet: create it first.</source>
        <translation>公司端尚未创建公司 CA：请先创建。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="61"/>
        <source>The office key file {path} cannot be read.</source>
        <translation>无法读取公司端的密钥文件 {path}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="63"/>
        <source>The passphrase does not open the company CA&apos;s key.</source>
        <translation>该密码短语无法打开公司 CA 的密钥。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="65"/>
        <source>{file} is not a valid enrollment answer.</source>
        <translation>{file} 不是有效的注册应答文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="67"/>
        <source>This enrollment answer is for another laptop; nothing was installed.</source>
        <translation>此注册应答文件属于另一台电脑；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="69"/>
        <source>This laptop is enrolled with another company ({company}); nothing was installed.</source>
        <translation>本机已在另一家公司（{company}）注册；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="72"/>
        <source>There is no collector named {collector}.</source>
        <translation>没有名为 {collector} 的催收员。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="74"/>
        <source>This laptop was revoked and cannot be enrolled again.</source>
        <translation>这台电脑已被吊销，不能再次注册。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="76"/>
        <source>This laptop is enrolled with another key; revoke it first.</source>
        <translation>这台电脑已使用另一个密钥注册；请先将其吊销。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="78"/>
        <source>There is no enrolled laptop {device}.</source>
        <translation>没有设备 ID 为 {device} 的已注册电脑。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="80"/>
        <source>{device} matches {count} laptops; give more of the id.</source>
        <translation>“{device}”匹配 {count} 台电脑；请输入更完整的设备 ID。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="97"/>
        <source>“{field}” is not a field of a column mapping. The fields are: {fields}.</source>
        <translation>“{field}”不是列映射的字段。字段有：{fields}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="99"/>
        <source>The column of {field} has no name: give its header as the file has it.</source>
        <translation>{field} 的列没有名称：请按文件中的列标题填写。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="101"/>
        <source>Choose the column of the customer code or name.</source>
        <translation>请选择客户编码或客户名称的列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="103"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation>请至少选择一个金额列：金额、未收金额、借方、贷方或余额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="106"/>
        <source>The column “{header}” is chosen for two fields: choose each column once.</source>
        <translation>列“{header}”被选给了两个字段：每列只能选一次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="108"/>
        <source>“{dates}” is not a date order. Use one of: {orders}.</source>
        <translation>“{dates}”不是日期顺序。请使用下列之一：{orders}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="110"/>
        <source>The decimal mark “{decimal}” and the group mark “{group}” cannot be read together.</source>
        <translation>小数点“{decimal}”与千位分隔符“{group}”无法一起识别。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="113"/>
        <source>The header line is counted from 1, not {line}.</source>
        <translation>标题行从 1 起算，不能是 {line}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="83"/>
        <source>{collector} has no enrolled laptop; enroll one before making a pack.</source>
        <translation>催收员 {collector} 尚无已注册的电脑；请先注册一台再制作分配数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="85"/>
        <source>The assignment pack is damaged and was not applied.</source>
        <translation>分配数据包已损坏，未应用。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="87"/>
        <source>This assignment pack is for another laptop.</source>
        <translation>此分配数据包是给另一台电脑的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="89"/>
        <source>This assignment pack is not newer than the one already applied.</source>
        <translation>此分配数据包并不比已应用的更新。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="91"/>
        <source>This assignment pack expired on {expired}; ask the office for a new one.</source>
        <translation>此分配数据包已于 {expired} 过期；请向公司索取新的数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="93"/>
        <source>This laptop is not enrolled with the office yet.</source>
        <translation>本机尚未向公司注册。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="96"/>
        <source>This acknowledgement is for another laptop. Nothing was removed.</source>
        <translation>此确认回执是给另一台电脑的。未删除任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="98"/>
        <source>This acknowledgement covers more than this laptop has sent. Nothing was removed.</source>
        <translation>此确认回执涵盖的超过本机已发送的数据。未删除任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="101"/>
        <source>The records in this bundle cannot be imported: {reason}</source>
        <translation>无法导入此数据包中的记录：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="103"/>
        <source>This laptop sent two different bundles with the same number.</source>
        <translation>这台电脑发送了两个编号相同但内容不同的数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="105"/>
        <source>This laptop is not enrolled with this office.</source>
        <translation>这台电脑尚未向本公司注册。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="107"/>
        <source>There is no bundle file in {path}.</source>
        <translation>{path} 中没有数据包文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="116"/>
        <source>This bundle is no longer waiting: it was imported or discarded meanwhile.</source>
        <translation>此数据包已不在等待中：在此期间它已被导入或丢弃。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="119"/>
        <source>The sync folder {folder} cannot be found (a drive not connected, or the folder moved?). Nothing was imported.</source>
        <translation>找不到同步文件夹 {folder}（驱动器未连接，或文件夹已被移动？）。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="123"/>
        <source>Type the phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="124"/>
        <source>The phone number is too long: at most {max} characters.</source>
        <translation>电话号码过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="126"/>
        <source>This is not a phone number: use digits (at least 6), spaces and + - ( ) . / only.</source>
        <translation>这不是电话号码：只能使用数字（至少 6 位）、空格以及 + - ( ) . /。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="129"/>
        <source>Type the contact&apos;s name.</source>
        <translation>请输入联系人的姓名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="130"/>
        <source>The name is too long: at most {max} characters.</source>
        <translation>姓名过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="132"/>
        <source>Type the address line.</source>
        <translation>请输入地址。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="133"/>
        <source>The address is too long: at most {max} characters per line.</source>
        <translation>地址过长：每行最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="135"/>
        <source>This detail cannot be changed on a laptop.</source>
        <translation>此项资料无法在电脑上修改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="137"/>
        <source>This customer is no longer on this computer.</source>
        <translation>此客户已不在本机上。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="139"/>
        <source>This contact is no longer on this computer.</source>
        <translation>此联系人已不在本机上。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="141"/>
        <source>The customer already has a contact called {name}: change that one&apos;s phone.</source>
        <translation>该客户已有名为 {name} 的联系人：请修改该联系人的电话。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="143"/>
        <source>Choose the office&apos;s value, the laptop&apos;s value or type one.</source>
        <translation>请选择公司端的值、电脑端的值，或输入一个值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="145"/>
        <source>Type the value to keep.</source>
        <translation>请输入要保留的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="146"/>
        <source>This conflict no longer exists.</source>
        <translation>此冲突已不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="147"/>
        <source>This conflict was already resolved, perhaps by another supervisor.</source>
        <translation>此冲突已被解决，可能是其他主管处理的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="149"/>
        <source>The customer is no longer in the office&apos;s records: keep the office&apos;s value.</source>
        <translation>公司端的记录中已没有该客户：请保留公司端的值。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="152"/>
        <source>This assignment pack holds changes to a version this laptop does not hold. Nothing was changed; ask the office for a full pack.</source>
        <translation>此分配数据包包含的更改针对的是本机没有的版本。未做任何更改；请向公司索取完整的分配数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="110"/>
        <source>No sync folder is set. Choose one in Settings.</source>
        <translation>尚未设置同步文件夹。请在“设置”中选择。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="112"/>
        <source>The sync folder {path} is not there. Connect the drive or plug in the USB stick, then sync again. Nothing was changed.</source>
        <translation>同步文件夹 {path} 不存在。请连接驱动器或插入 U 盘，然后重新同步。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="115"/>
        <source>The sync folder {path} cannot be read or written: {reason}. What was done is kept; the next sync does the rest.</source>
        <translation>无法读写同步文件夹 {path}：{reason}。已完成的部分会保留；其余部分将在下次同步时完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="118"/>
        <source>The file {file} in the sync folder cannot be read: {reason}. It was left there.</source>
        <translation>无法读取同步文件夹中的文件 {file}：{reason}。该文件已保留在原处。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="156"/>
        <source>The period ends on {last}, before it starts on {first}.</source>
        <translation>期间的结束日 {last} 早于开始日 {first}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="158"/>
        <source>The period from {first} to {last} is longer than {days} days.</source>
        <translation>从 {first} 到 {last} 的期间超过 {days} 天。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="160"/>
        <source>There is no collector named “{collector}”.</source>
        <translation>没有名为“{collector}”的催收员。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="122"/>
        <source>This passphrase or PIN is not the right one.</source>
        <translation>该密码短语或 PIN 码不正确。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="124"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation>输入错误次数过多。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="126"/>
        <source>The key file of this profile cannot be read ({path}): the profile cannot be opened.</source>
        <translation>无法读取此用户数据的密钥文件（{path}）：无法打开用户数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="129"/>
        <source>The key file of this profile is missing ({path}). The database is not damaged, but it is encrypted and cannot be opened without its key file, not even with the right PIN. Put back the copy of the key file from where it was copied, next to the database, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation>找不到此用户数据的密钥文件（{path}）。数据库并未损坏，但已加密，没有密钥文件就无法打开，即使 PIN 码正确也不行。请从之前保存副本的位置取回密钥文件，放回数据库旁边；或请主管使用新的用户数据为本机重新注册。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="134"/>
        <source>The passphrase or PIN must have at least {least} characters.</source>
        <translation>密码短语或 PIN 码至少需要 {least} 个字符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="136"/>
        <source>The profile could not be encrypted ({reason}). It was left as it was.</source>
        <translation>无法加密用户数据（{reason}）。数据保持原状，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="138"/>
        <source>This profile is encrypted and no passphrase was given.</source>
        <translation>此用户数据已加密，但未输入密码短语。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="140"/>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="163"/>
        <source>This is not a review state: choose approved, has issues or rejected.</source>
        <translation>这不是有效的审核状态：请选择“已通过”、“有问题”或“已驳回”。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="165"/>
        <source>Say why the record is rejected: a reason is required.</source>
        <translation>请说明驳回此记录的原因：原因为必填项。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="167"/>
        <source>Write the comment first.</source>
        <translation>请先填写评论。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="168"/>
        <source>The text is too long ({length} characters; at most {max}).</source>
        <translation>文字过长（{length} 个字符；最多 {max} 个）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="170"/>
        <source>{expected} records matched when you confirmed, {found} match now. Nothing was changed; look at the list again.</source>
        <translation>确认时有 {expected} 条记录符合条件，现在有 {found} 条。未做任何更改；请重新查看列表。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="173"/>
        <source>The comment to correct is not a comment on this record.</source>
        <translation>要更正的评论不属于此记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="175"/>
        <source>No imported record has the id {id}.</source>
        <translation>没有 ID 为 {id} 的已导入记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="177"/>
        <source>Several imported records start with {id}; type more of the id.</source>
        <translation>有多条已导入记录的 ID 以 {id} 开头；请输入更完整的 ID。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="180"/>
        <source>The database server {server} accepts encrypted connections only. Ask the administrator for the connection address with the certificate settings.</source>
        <translation>数据库服务器 {server} 只接受加密连接。请向管理员索取包含证书设置的连接地址。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="183"/>
        <source>The database server {server} could not be verified: its certificate is not the one the office expects. Nothing was sent to it.</source>
        <translation>无法验证数据库服务器 {server}：其证书不是公司预期的证书。未向其发送任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="186"/>
        <source>The account {user} may not prepare the database {database} on {server} for this version. The administrator opens it once with the owner&apos;s account first. Nothing was changed.</source>
        <translation>账号 {user} 无权为此版本准备 {server} 上的数据库 {database}。请管理员先用数据库所有者的账号打开一次。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="191"/>
        <source>This is not the passphrase of the office database {database}. Nothing was changed.</source>
        <translation>这不是公司端数据库 {database} 的密码短语。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="194"/>
        <source>The key file of the encrypted office database {database} is missing ({path}): the database cannot be opened.</source>
        <translation>找不到已加密的公司端数据库 {database} 的密钥文件（{path}）：无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="197"/>
        <source>The key file of the office database {database} cannot be read: the database cannot be opened.</source>
        <translation>无法读取公司端数据库 {database} 的密钥文件：无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="200"/>
        <source>The office database {database} could not be encrypted ({reason}). It was left as it was.</source>
        <translation>无法加密公司端数据库 {database}（{reason}）。数据库保持原状，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="203"/>
        <source>The office database {database} is encrypted and no passphrase was given.</source>
        <translation>公司端数据库 {database} 已加密，但未输入密码短语。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="205"/>
        <source>The office database {path} already exists and is not encrypted. Encrypt it with the command &quot;fieldapp office encrypt&quot;, which makes a backup first.</source>
        <translation>公司端数据库 {path} 已存在且未加密。请使用命令“fieldapp office encrypt”对其加密，该命令会先进行备份。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="208"/>
        <source>The office database {path} is not encrypted.</source>
        <translation>公司端数据库 {path} 未加密。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="210"/>
        <source>The office database {path} is already encrypted.</source>
        <translation>公司端数据库 {path} 已经加密。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="212"/>
        <source>The two new passphrases are not the same. The old one still opens the office database.</source>
        <translation>两次输入的新密码短语不一致。公司端数据库仍使用原密码短语打开。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="215"/>
        <source>The office database {path} is open in another fieldapp window or command. Close it first. Nothing was changed.</source>
        <translation>公司端数据库 {path} 正在另一个 fieldapp 窗口或命令中打开。请先将其关闭。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="218"/>
        <source>The office database at {url} is on a PostgreSQL server: only an office database file can be encrypted here. A server is protected by its accounts and encrypted connections.</source>
        <translation>位于 {url} 的公司端数据库在 PostgreSQL 服务器上：此处只能加密公司端数据库文件。服务器由其账号和加密连接提供保护。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="223"/>
        <source>No installment agreement was recorded on {day}. There is nothing to print.</source>
        <translation>{day} 没有记录任何分期付款协议。没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="225"/>
        <source>No installment agreement was recorded on {day} for the customers on the route of {collector}. There is nothing to print.</source>
        <translation>{day} 没有为催收员 {collector} 路线上的客户记录任何分期付款协议。没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="228"/>
        <source>{collector} has no route on {day}, so there are no customers to print for.</source>
        <translation>催收员 {collector} 在 {day} 没有路线，因此没有可打印的客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="230"/>
        <source>No customer of {collector} has an open invoice. There is no statement to print.</source>
        <translation>催收员 {collector} 名下没有客户有未结发票。没有可打印的对账单。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="233"/>
        <source>Choose the customers first: a collector, a route or customer codes.</source>
        <translation>请先选择客户：催收员、路线或客户编号。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="236"/>
        <source>{state} is not a receipt state; use {states}.</source>
        <translation>{state} 不是收款收据的状态；请使用 {states}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="238"/>
        <source>Say why the receipt is voided: a reason is required.</source>
        <translation>请说明作废此收款收据的原因：原因为必填项。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="240"/>
        <source>The reason is too long ({length} characters; at most {max}).</source>
        <translation>原因过长（{length} 个字符；最多 {max} 个）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="242"/>
        <source>{expected} receipts were pending when you confirmed, {found} are now. Nothing was changed; look at the list again.</source>
        <translation>确认时有 {expected} 张收款收据待确认，现在有 {found} 张。未做任何更改；请重新查看列表。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="245"/>
        <source>Choose at least one receipt.</source>
        <translation>请至少选择一张收款收据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="246"/>
        <source>There is no receipt {receipt}.</source>
        <translation>找不到收款收据 {receipt}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="247"/>
        <source>Receipt {receipt} was already confirmed, matched or voided; nothing was changed.</source>
        <translation>收款收据 {receipt} 已确认、已对账或已作废；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="249"/>
        <source>The period&apos;s first day {text} is not a date.</source>
        <translation>期间的第一天 {text} 不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="251"/>
        <source>The period&apos;s last day {text} is not a date.</source>
        <translation>期间的最后一天 {text} 不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="253"/>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <translation>期间的结束日（{last}）早于开始日（{first}）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="255"/>
        <source>{kind} is not a kind of export; use {kinds}.</source>
        <translation>{kind} 不是可导出的类型；请使用 {kinds}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="257"/>
        <source>Choose at least one kind of record to export.</source>
        <translation>请至少选择一种要导出的记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="259"/>
        <source>{format} is not an export format; use {formats}.</source>
        <translation>{format} 不是导出格式；请使用 {formats}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="261"/>
        <source>{path} is a folder; name the file to write.</source>
        <translation>{path} 是文件夹；请指定要写入的文件名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="263"/>
        <source>{path} cannot be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="266"/>
        <source>There is no queue called {queue}. The queues are: {queues}.</source>
        <translation>没有名为 {queue} 的待办队列。现有的待办队列：{queues}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="268"/>
        <source>Name the person who will resolve the dispute.</source>
        <translation>请指定负责解决此争议的处理人。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="270"/>
        <source>Write the root cause you found before resolving the dispute.</source>
        <translation>解决争议前，请先填写查明的根本原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="272"/>
        <source>No open dispute has the id {id}.</source>
        <translation>没有 ID 为 {id} 的未解决争议。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="273"/>
        <source>Several disputes start with {id}; type more of the id.</source>
        <translation>有多个争议的 ID 以 {id} 开头；请输入更完整的 ID。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="275"/>
        <source>This dispute was already resolved ({at}), perhaps by another supervisor.</source>
        <translation>此争议已于 {at} 解决，可能是其他主管处理的。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="277"/>
        <source>This is not a refusal heading for the legal route.</source>
        <translation>这不是拟转交法律途径的拒绝付款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="143"/>
        <source>The key file {path} does not belong to this database: the PIN opens it, but its key opens neither the database nor any of its backups. Put back the database&apos;s own key file from where it was copied, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation>密钥文件 {path} 不属于此数据库：PIN 码可以打开该文件，但其中的密钥既打不开数据库，也打不开任何备份。请从之前保存副本的位置取回此数据库自己的密钥文件并放回原处；或请主管使用新的用户数据为本机重新注册。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="139"/>
        <source>Something went wrong (error {code}).</source>
        <translation>出现错误（错误代码 {code}）。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="140"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>出现错误；详细信息请查看日志。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="141"/>
        <source>A file could not be read or written: {reason}</source>
        <translation>无法读取或写入文件：{reason}</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="39"/>
        <source>Attach photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="40"/>
        <source>Attach files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="54"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="55"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)</source>
        <translation>照片和文件 (*.jpg *.jpeg *.png *.heic *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="101"/>
        <source>Nothing attached</source>
        <translation>暂无附件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="108"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="109"/>
        <source>Remove this file</source>
        <translation>移除此文件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>Workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="82"/>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="119"/>
        <source>Export to accounting</source>
        <translation>导出到会计</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="103"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/export_dialog.py" line="108"/>
        <source>%n row(s) written</source>
        <translation>
            <numerusform>已写入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="110"/>
        <source>Nothing new: every record of the period was exported before.</source>
        <translation>没有新内容：此期间的所有记录此前均已导出。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="122"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="124"/>
        <source>Confirmed money taken on site</source>
        <translation>已确认的当场收款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="125"/>
        <source>Promises to pay</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="126"/>
        <source>Installment lines</source>
        <translation>分期明细</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="129"/>
        <source>CSV (one file per kind)</source>
        <translation>CSV（每种一个文件）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="130"/>
        <source>Excel workbook (one sheet per kind)</source>
        <translation>Excel 工作簿（每种一个工作表）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="132"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="133"/>
        <source>Include records exported before (marked with their first export)</source>
        <translation>包括此前已导出的记录（标注其首次导出）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="135"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="43"/>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="78"/>
        <source>Choose the export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="44"/>
        <source>The receivables as the accounting program exports them.</source>
        <translation>会计软件导出的应收账款数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="46"/>
        <source>Choose a CSV or Excel file exported from the accounting program: an open-items list, an aging report or a customer ledger. You can also drop the file on this page. Nothing is written before the preview.</source>
        <translation>请选择从会计软件导出的 CSV 或 Excel 文件：未结项目清单、账龄报表或客户明细账。也可以将文件拖放到此页面。预览之前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="49"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="50"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="67"/>
        <source>This is a folder: choose a file in it.</source>
        <translation>这是文件夹：请选择其中的文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="69"/>
        <source>There is no such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="79"/>
        <source>Exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>导出文件 (*.csv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FileTabs</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="39"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="76"/>
        <source>No contacts</source>
        <translation>暂无联系人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="45"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="79"/>
        <source>No contracts</source>
        <translation>暂无合同</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="42"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="82"/>
        <source>No payments</source>
        <translation>暂无付款记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="54"/>
        <source>No invoices</source>
        <translation>暂无发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="101"/>
        <source>No deliveries</source>
        <translation>暂无送货记录</translation>
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
        <translation>逾期天数 1–30 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="22"/>
        <source>31–60 days late</source>
        <translation>逾期天数 31–60 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="23"/>
        <source>61–90 days late</source>
        <translation>逾期天数 61–90 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="24"/>
        <source>Over 90 days late</source>
        <translation>逾期天数超过 90 天</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="111"/>
        <source>Not an amount: type digits, e.g. 5,000,000</source>
        <translation>不是有效的金额：请输入数字，例如 5,000,000</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="133"/>
        <source>All collectors</source>
        <translation>全部催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="134"/>
        <source>No collector</source>
        <translation>未分配催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="135"/>
        <source>Any age</source>
        <translation>不限账龄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="138"/>
        <source>Customers with an open invoice of this age</source>
        <translation>有此账龄未结发票的客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="139"/>
        <source>Overdue above</source>
        <translation>逾期金额高于</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="140"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="141"/>
        <source>Disputed</source>
        <translation>争议中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="142"/>
        <source>Customers with an open invoice in dispute</source>
        <translation>有未结发票存在争议的客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="143"/>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
</context>
<context>
    <name>Finisher</name>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="36"/>
        <source>Finalize the record</source>
        <translation>完成并锁定记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="37"/>
        <source>A finalized visit cannot be changed; corrections become amendments.

Finalize it now?</source>
        <translation>已完成的拜访记录不能再更改，之后的更正将以修订方式处理。

确定现在完成吗？</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="40"/>
        <source>&amp;Finalize</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="47"/>
        <source>Finalizing…</source>
        <translation>正在完成记录…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="89"/>
        <source>Not finalized</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="97"/>
        <source>Finalized — receipt %1</source>
        <translation>已完成 — 收据 %1</translation>
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
        <translation>打开拜访记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="104"/>
        <source>The signed record (PDF): show it to the customer or print it</source>
        <translation>已签名的记录（PDF）：可出示给客户或打印</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="107"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="139"/>
        <source>Open the agreement %1</source>
        <translation>打开协议书 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="141"/>
        <source>Open the receipt %1</source>
        <translation>打开收据 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="155"/>
        <source>Discard the draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="156"/>
        <source>Discard this unfinished record? What was typed is lost.</source>
        <translation>要删除这份未完成的记录吗？已输入的内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="158"/>
        <source>&amp;Discard</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="17"/>
        <source>Promise to pay</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="18"/>
        <source>Installment</source>
        <translation>分期款项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="19"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="20"/>
        <source>Revisit after absence</source>
        <translation>客户不在，需再访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="21"/>
        <source>Planned follow-up</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="43"/>
        <source>Follow-up</source>
        <translation>跟进类型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="45"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="47"/>
        <source>When</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="49"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="50"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="53"/>
        <source>Paid</source>
        <translation>已付金额</translation>
    </message>
</context>
<context>
    <name>FollowUpStrip</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="36"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="37"/>
        <source>Follow-ups:</source>
        <translation>待跟进事项：</translation>
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
        <translation>待跟进事项</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="91"/>
        <source>%n items: promises due or broken, disputes, revisits</source>
        <translation>
            <numerusform>共 %n 项：到期或未兑现的承诺、争议、再访</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="93"/>
        <source>Nothing to follow up today.</source>
        <translation>今天没有需要跟进的事项。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="91"/>
        <source>Earlier visits, calls and promises</source>
        <translation>以往的拜访、电话和承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="92"/>
        <source>No earlier visits or calls recorded.</source>
        <translation>暂无以往的拜访或电话记录。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="52"/>
        <source>Import receivables</source>
        <translation>导入应收账款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="53"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="14"/>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="15"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="16"/>
        <source>Document number</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="17"/>
        <source>Document date</source>
        <translation>单据日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="18"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="19"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="20"/>
        <source>Open amount</source>
        <translation>未付金额</translation>
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
        <translation>贷方</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="23"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="24"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="25"/>
        <source>Settled on</source>
        <translation>结清日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="26"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="29"/>
        <source>Invoice list with settlement dates</source>
        <translation>含结清日期的发票清单</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="30"/>
        <source>MISA – customer ledger (S31-DN)</source>
        <translation>MISA – 客户明细账（S31-DN）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="31"/>
        <source>MISA – customer balances (summary)</source>
        <translation>MISA – 客户余额（汇总）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="32"/>
        <source>Digiwin – receivables statement</source>
        <translation>鼎捷 – 应收账款对账单</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="33"/>
        <source>Kingdee – receivables aging</source>
        <translation>金蝶 – 应收账款账龄</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="34"/>
        <source>Yonyou – customer ledger</source>
        <translation>用友 – 客户明细账</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="35"/>
        <source>Odoo – aged partner balance (detail)</source>
        <translation>Odoo – 业务伙伴账龄余额（明细）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="36"/>
        <source>Odoo – aged partner balance (summary)</source>
        <translation>Odoo – 业务伙伴账龄余额（汇总）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="38"/>
        <source>ERPNext – accounts receivable</source>
        <translation>ERPNext – 应收账款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="39"/>
        <source>SAP – customer line items (FBL5N)</source>
        <translation>SAP – 客户行项目（FBL5N）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="40"/>
        <source>QuickBooks – A/R aging detail</source>
        <translation>QuickBooks – 应收账款账龄明细</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="41"/>
        <source>QuickBooks – A/R aging summary</source>
        <translation>QuickBooks – 应收账款账龄汇总</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="42"/>
        <source>Plain invoice list</source>
        <translation>简单发票清单</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="45"/>
        <source>Settled by the rows</source>
        <translation>根据各行数据自动判断</translation>
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
        <translation>民国纪年（114/05/31）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="52"/>
        <source>1,234.5 (point for decimals)</source>
        <translation>1,234.5（小数点为“.”）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="53"/>
        <source>1.234,5 (comma for decimals)</source>
        <translation>1.234,5（小数点为“,”）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="56"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="58"/>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="61"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="62"/>
        <source>The file is not text: export the report as CSV or as an Excel workbook.</source>
        <translation>此文件不是文本文件：请将报表导出为 CSV 或 Excel 工作簿。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="64"/>
        <source>The file&apos;s letters are in no encoding fieldapp reads (UTF-8, Windows-1258, Big5, GB18030): export it as CSV UTF-8.</source>
        <translation>此文件的文字编码不是 fieldapp 可读取的编码（UTF-8、Windows-1258、Big5、GB18030）：请导出为 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="67"/>
        <source>The file is {size} bytes; at most {limit} bytes are read.</source>
        <translation>此文件大小为 {size} 字节；最多只能读取 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="69"/>
        <source>This is an old Excel .xls file: save it as .xlsx or CSV and choose that file.</source>
        <translation>这是旧版 Excel .xls 文件：请另存为 .xlsx 或 CSV，再选择该文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="72"/>
        <source>The file is named like an Excel workbook but is not one.</source>
        <translation>此文件的扩展名是 Excel 工作簿，但实际上并不是。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="74"/>
        <source>No header row with the columns of this source was found in the first {rows} rows: choose another source or adjust the columns.</source>
        <translation>前 {rows} 行中找不到包含此数据来源各列的标题行：请选择其他数据来源，或调整各列的对应关系。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="77"/>
        <source>The columns match no known export: choose the source, then the columns.</source>
        <translation>这些列与任何已知的导出格式都不匹配：请先选择数据来源，再指定各列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="80"/>
        <source>There is no source called “{source}”.</source>
        <translation>没有名为“{source}”的数据来源。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="82"/>
        <source>The workbook cannot be opened: {reason}</source>
        <translation>无法打开工作簿：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="84"/>
        <source>The workbook was refused as unsafe: {reason}</source>
        <translation>工作簿不安全，已拒绝打开：{reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="86"/>
        <source>The workbook has no sheet “{sheet}”. Its sheets are: {sheets}</source>
        <translation>工作簿中没有工作表“{sheet}”。现有工作表：{sheets}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="88"/>
        <source>{column} is empty.</source>
        <translation>{column} 为空。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="89"/>
        <source>“{text}” is not an amount.</source>
        <translation>“{text}”不是有效的金额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="90"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>“{text}”的小数位数超过 {currency} 允许的位数。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="92"/>
        <source>“{text}” is not a date.</source>
        <translation>“{text}”不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="93"/>
        <source>The dates of this column read both as day/month and as month/day: choose the date order.</source>
        <translation>此列的日期既可读作日/月，也可读作月/日：请选择日期顺序。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="96"/>
        <source>“{text}” is not a currency fieldapp handles.</source>
        <translation>“{text}”不是 fieldapp 支持的币种。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="98"/>
        <source>Document {document} of customer {customer} is already on line {first}.</source>
        <translation>客户 {customer} 的单据 {document} 已出现在第 {first} 行。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="100"/>
        <source>The file&apos;s total {declared} {currency} differs from the sum of its rows, {computed} {currency}.</source>
        <translation>文件中的合计 {declared} {currency} 与各行合计 {computed} {currency} 不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="103"/>
        <source>“{text}” has question marks inside words: the export lost its letters. Export the report as CSV UTF-8.</source>
        <translation>“{text}”的文字中夹杂问号：导出时文字已丢失。请将报表导出为 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="106"/>
        <source>{count} text cells were typed in the old {encoding} Vietnamese font and were converted, for example “{example}”. Check the names.</source>
        <translation>有 {count} 个文本单元格是用旧式 {encoding} 越南语字体输入的，已自动转换，例如“{example}”。请检查名称是否正确。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="110"/>
        <source>This cannot be read (problem {code}).</source>
        <translation>无法读取（问题代码 {code}）。</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="13"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="15"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="17"/>
        <source>Has issues</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="19"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="31"/>
        <source>The document carries no signature.</source>
        <translation>此文件没有签名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="34"/>
        <source>Signature intact: nothing changed since signing.</source>
        <translation>签名完好：签署后未做任何更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="36"/>
        <source>Signature broken: the document was changed after signing.</source>
        <translation>签名已失效：文件在签署后被修改过。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="39"/>
        <source>Chain not checked: this office has no company certificate yet.</source>
        <translation>未检查证书链：公司端尚无公司证书。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="42"/>
        <source>Signed by %1, whose certificate chains to the company CA.</source>
        <translation>由 %1 签署，其证书可追溯至公司 CA。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="46"/>
        <source>Signed by %1, whose certificate does not chain to the company CA.</source>
        <translation>由 %1 签署，但其证书无法追溯至公司 CA。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="50"/>
        <source>Development certificate: fine for testing, not company evidence.</source>
        <translation>开发测试证书：仅供测试，不能作为公司证据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="53"/>
        <source>QR code matches the record inside the document.</source>
        <translation>二维码与文件中的记录一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="56"/>
        <source>QR code does not match the record inside the document.</source>
        <translation>二维码与文件中的记录不一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="59"/>
        <source>QR code names a record missing from the document.</source>
        <translation>二维码所指的记录不在文件中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="62"/>
        <source>No record QR code (not a record document).</source>
        <translation>没有记录二维码（不是记录文件）。</translation>
    </message>
</context>
<context>
    <name>InboxDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="134"/>
        <source>%1, by %2 on %3</source>
        <translation>%1，由 %2 于 %3 设定</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="147"/>
        <source>%1: amended (%2)</source>
        <translation>%1：已修订（%2）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="150"/>
        <source>%1: original record</source>
        <translation>%1：原记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="155"/>
        <source>%1 %2 set it to %3</source>
        <translation>%1 %2 将其设为“%3”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="159"/>
        <source>%1 %2 corrected a comment: %3</source>
        <translation>%1 %2 更正了一条评论：%3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="162"/>
        <source>%1 %2 commented: %3</source>
        <translation>%1 %2 评论：%3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="182"/>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="183"/>
        <source>&amp;Has issues</source>
        <translation>有问题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="184"/>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="185"/>
        <source>A comment for the collector (comments cannot be changed later)</source>
        <translation>给催收员的评论（评论提交后不能修改）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="187"/>
        <source>Add comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="188"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="189"/>
        <source>This record has no document.</source>
        <translation>此记录没有文件。</translation>
    </message>
</context>
<context>
    <name>InboxFilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="80"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="94"/>
        <source>&amp;Collector:</source>
        <translation>催收员(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="95"/>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="96"/>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="97"/>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="103"/>
        <source>Any outcome</source>
        <translation>不限结果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="105"/>
        <source>Any state</source>
        <translation>不限状态</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="183"/>
        <source>Reject record</source>
        <translation>驳回记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="184"/>
        <source>Why is this record rejected? The collector will read the reason.</source>
        <translation>为什么驳回此记录？催收员会看到此原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="186"/>
        <source>A reason is required to reject a record.</source>
        <translation>驳回记录必须填写原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="222"/>
        <source>Approve all %1 matching records?</source>
        <translation>要通过全部 %1 条符合条件的记录吗？</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="223"/>
        <source>Approve all</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="242"/>
        <source>%1 matching · %2</source>
        <translation>符合条件 %1 条 · %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="249"/>
        <source>Approve all matching…</source>
        <translation>通过全部符合条件的记录…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="250"/>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="251"/>
        <source>No records to review here. Records appear when day bundles from the laptops are imported; change the filters to see others.</source>
        <translation>此处没有待审核的记录。导入来自各电脑的每日数据包后，记录会显示在这里；更改筛选条件可查看其他记录。</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="42"/>
        <source>Number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="43"/>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="45"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="47"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="49"/>
        <source>Open balance</source>
        <translation>未付余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="52"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="54"/>
        <source>Bucket</source>
        <translation>账龄区间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="93"/>
        <source>Paid</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="97"/>
        <source>Disputed</source>
        <translation>争议中</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="71"/>
        <source>No open invoices: everything is paid.
Untick “Open invoices only” to see the paid ones.</source>
        <translation>没有未结发票：全部已付清。
取消勾选“仅显示未结发票”即可查看已付清的发票。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="80"/>
        <source>%1: amount %2 · open balance %3</source>
        <translation>%1：金额 %2 · 未付余额 %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="88"/>
        <source>Open invoices only</source>
        <translation>仅显示未结发票</translation>
    </message>
</context>
<context>
    <name>KpiWords</name>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="12"/>
        <source>Collection effectiveness index (CEI)</source>
        <translation>催收效率指数 (CEI)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="13"/>
        <source>(Beginning receivables + credit sales / N − ending total receivables) / (beginning receivables + credit sales / N − ending current receivables) × 100</source>
        <translation>（期初应收账款 + 赊销额 / N − 期末应收账款总额）/（期初应收账款 + 赊销额 / N − 期末未到期应收账款）× 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="16"/>
        <source>N = months in the period (Oracle, CRF); current = not yet due</source>
        <translation>N = 期间内的月数（Oracle、CRF 口径）；“未到期”指尚未到到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="19"/>
        <source>CEI, whole period&apos;s sales</source>
        <translation>CEI，按整个期间的销售额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="20"/>
        <source>(Beginning receivables + credit sales − ending total receivables) / (beginning receivables + credit sales − ending current receivables) × 100</source>
        <translation>（期初应收账款 + 赊销额 − 期末应收账款总额）/（期初应收账款 + 赊销额 − 期末未到期应收账款）× 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="23"/>
        <source>N = 1: the whole period&apos;s credit sales</source>
        <translation>N = 1：整个期间的赊销额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="25"/>
        <source>Days sales outstanding (DSO)</source>
        <translation>应收账款周转天数 (DSO)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="26"/>
        <source>(Ending total receivables / credit sales) × days in the period</source>
        <translation>（期末应收账款总额 / 赊销额）× 期间天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="28"/>
        <source>Conventional, gross receivables</source>
        <translation>常规算法，应收账款总额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="30"/>
        <source>DSO, countback</source>
        <translation>DSO，倒推法</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="31"/>
        <source>Ending receivables less each month&apos;s credit sales, newest first, counting that month&apos;s days; the month that exceeds what is left counts left / sales of its days</source>
        <translation>期末应收账款从最近的月份起依次减去各月赊销额，每减一个月计入该月天数；赊销额超过剩余金额的那个月，按“剩余金额 / 该月赊销额”乘以该月天数计入</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="34"/>
        <source>Calendar months ending on the period&apos;s last day</source>
        <translation>以期间最后一天为终点的自然月</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="36"/>
        <source>Best possible DSO</source>
        <translation>最佳可能 DSO</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="37"/>
        <source>(Current receivables / credit sales) × days in the period</source>
        <translation>（未到期应收账款 / 赊销额）× 期间天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="39"/>
        <source>Current = not yet due on the period&apos;s last day</source>
        <translation>未到期 = 截至期间最后一天尚未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="41"/>
        <source>Average days delinquent</source>
        <translation>平均逾期天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="42"/>
        <source>DSO − best possible DSO</source>
        <translation>DSO − 最佳可能 DSO</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="43"/>
        <source>Both with the conventional DSO</source>
        <translation>两者均采用常规 DSO</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="45"/>
        <source>Receivables at the start</source>
        <translation>期初应收账款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="46"/>
        <source>Open balances on the day before the period</source>
        <translation>期间开始前一天的未付余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="47"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="55"/>
        <source>Gross, by due date</source>
        <translation>总额，按到期日划分</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="49"/>
        <source>Credit sales</source>
        <translation>赊销额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="50"/>
        <source>Invoices issued in the period</source>
        <translation>期间内开具的发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="51"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="59"/>
        <source>Gross</source>
        <translation>总额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="53"/>
        <source>Receivables at the end</source>
        <translation>期末应收账款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="54"/>
        <source>Open balances on the period&apos;s last day</source>
        <translation>期间最后一天的未付余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="57"/>
        <source>Of them not yet due</source>
        <translation>其中未到期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="58"/>
        <source>Open balances not yet due on the period&apos;s last day</source>
        <translation>期间最后一天尚未到期的未付余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="61"/>
        <source>Money collected</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="62"/>
        <source>Payments received in the period</source>
        <translation>期间内收到的款项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="63"/>
        <source>By payment day</source>
        <translation>按付款日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="65"/>
        <source>Of it taken on visits</source>
        <translation>其中拜访时当场收取</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="66"/>
        <source>Payments taken on visits in the period</source>
        <translation>期间内拜访时当场收取的款项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="67"/>
        <source>Pending or confirmed</source>
        <translation>待确认或已确认</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="69"/>
        <source>Promises made</source>
        <translation>新增承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="70"/>
        <source>Promises and installment plans recorded in the period</source>
        <translation>期间内记录的付款承诺和分期付款计划</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="71"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="109"/>
        <source>Not replaced by an amendment</source>
        <translation>不含已被修订取代的</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="73"/>
        <source>Promises falling due</source>
        <translation>到期的承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="74"/>
        <source>Promises and installment lines due in the period</source>
        <translation>期间内到期的承诺和分期款项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="75"/>
        <source>Kept + partially kept + broken + open = due</source>
        <translation>已兑现 + 部分兑现 + 未兑现 + 进行中 = 到期承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="77"/>
        <source>Kept</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="78"/>
        <source>Kept in full by their day (plus grace days) / promises due × 100</source>
        <translation>在约定日期（加宽限天数）前全额兑现的承诺 / 到期承诺 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="80"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="84"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="88"/>
        <source>Each payment counted once, oldest due first</source>
        <translation>每笔付款只计一次，先抵最早到期的承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="82"/>
        <source>Partially kept</source>
        <translation>部分兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="83"/>
        <source>Partially kept / promises due × 100</source>
        <translation>部分兑现 / 到期承诺 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="86"/>
        <source>Broken</source>
        <translation>未兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="87"/>
        <source>Broken / promises due × 100</source>
        <translation>未兑现 / 到期承诺 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="90"/>
        <source>Still open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="91"/>
        <source>Still within their grace days / promises due × 100</source>
        <translation>仍在宽限天数内的承诺 / 到期承诺 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="92"/>
        <source>Judged on the period&apos;s last day, or today</source>
        <translation>以期间最后一天（或今天）为准判定</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="94"/>
        <source>Right-party contact rate</source>
        <translation>有效联系率</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="95"/>
        <source>Contacts with a person with authority to pay / all contact attempts × 100</source>
        <translation>联系到有付款决定权的人的次数 / 全部联系尝试次数 × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="97"/>
        <source>Visits and calls; an absent customer is an attempt</source>
        <translation>包括拜访和电话；客户不在也算一次尝试</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="99"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="100"/>
        <source>Visit records made in the period</source>
        <translation>期间内完成的拜访记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="101"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="105"/>
        <source>Finished, amendments not counted again</source>
        <translation>已完成的记录，修订不重复计算</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="103"/>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="104"/>
        <source>Call records made in the period</source>
        <translation>期间内完成的通话记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="107"/>
        <source>Disputes opened</source>
        <translation>新增争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="108"/>
        <source>Disputes recorded in the period</source>
        <translation>期间内记录的争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="111"/>
        <source>Disputes resolved</source>
        <translation>已解决争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="112"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="118"/>
        <source>Disputes resolved in the period</source>
        <translation>期间内解决的争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="113"/>
        <source>By the time of resolution</source>
        <translation>按解决时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="115"/>
        <source>Dispute resolution time</source>
        <translation>争议解决时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="116"/>
        <source>Average days from a dispute being recorded to its resolution</source>
        <translation>从记录争议到解决的平均天数</translation>
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
        <translation>正常经营</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="25"/>
        <source>Slowing down</source>
        <translation>经营放缓</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="26"/>
        <source>Restructuring</source>
        <translation>重组中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="27"/>
        <source>Closed</source>
        <translation>已停业</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="28"/>
        <source>Complete</source>
        <translation>已送齐</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="29"/>
        <source>Partial</source>
        <translation>部分送达</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="30"/>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="31"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="32"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="33"/>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="34"/>
        <source>Post-dated cheque</source>
        <translation>远期支票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="35"/>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="36"/>
        <source>Chinese (Traditional, Taiwan)</source>
        <translation>中文（繁体，台湾）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="37"/>
        <source>Chinese (Simplified, China)</source>
        <translation>中文（简体，中国）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="38"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="39"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="40"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="41"/>
        <source>Money received</source>
        <translation>当场收款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="42"/>
        <source>Promise to pay</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="43"/>
        <source>Installment plan</source>
        <translation>分期付款计划</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="44"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="45"/>
        <source>Refusal</source>
        <translation>拒绝付款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="46"/>
        <source>Customer absent / premises closed</source>
        <translation>客户不在／店铺关闭</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="47"/>
        <source>Quality</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="48"/>
        <source>Damaged goods</source>
        <translation>货物损坏</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="49"/>
        <source>Wrong goods</source>
        <translation>货不对版</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="50"/>
        <source>Short or not delivered</source>
        <translation>少送或未送</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="51"/>
        <source>Late delivery</source>
        <translation>延迟送货</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="52"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="53"/>
        <source>Invoice error</source>
        <translation>发票错误</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="54"/>
        <source>Missing documents</source>
        <translation>缺少单据</translation>
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
        <translation>再次拜访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="57"/>
        <source>Supervisor calls the customer</source>
        <translation>主管致电客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="58"/>
        <source>Legal route recommended</source>
        <translation>建议采取法律途径</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="59"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="60"/>
        <source>Every two weeks</source>
        <translation>每两周</translation>
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
        <translation>未兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="66"/>
        <source>Partially kept</source>
        <translation>部分兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="67"/>
        <source>Dispute deadline near</source>
        <translation>争议上报期限将至</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="68"/>
        <source>Dispute deadline passed</source>
        <translation>争议已过上报期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="69"/>
        <source>Dispute open</source>
        <translation>争议处理中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="73"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="74"/>
        <source>Kept</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="75"/>
        <source>Visit record</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="76"/>
        <source>Installment agreement</source>
        <translation>分期付款协议书</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="77"/>
        <source>Agreement for wet signature</source>
        <translation>亲笔签名用协议书</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="78"/>
        <source>Receipt</source>
        <translation>收款收据</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="79"/>
        <source>Statement of account</source>
        <translation>对账单</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="40"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="41"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../fieldapp/ui/visit/text_limit.py" line="39"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 个字符</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="49"/>
        <source>Locked. Customer data is hidden until you unlock.</source>
        <translation>已锁定。解锁前客户数据将保持隐藏。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="50"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="247"/>
        <source>About fieldapp</source>
        <translation>关于 fieldapp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="248"/>
        <source>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Offline portfolio and visit records for field collectors of trade receivables.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;供外勤账款催收人员使用的离线客户资料与拜访记录工具。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="284"/>
        <source>fieldapp — collector&apos;s portfolio</source>
        <translation>fieldapp — 催收员客户清单</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/main_window.py" line="290"/>
        <source>Customers: %n</source>
        <translation>
            <numerusform>客户数：%n</numerusform>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="298"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="299"/>
        <source>Vi&amp;sit</source>
        <translation>拜访(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="300"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="301"/>
        <source>F&amp;ollow-ups</source>
        <translation>待跟进事项(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="302"/>
        <source>Start &amp;visit</source>
        <translation>开始拜访(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="303"/>
        <source>Start a visit with this customer (Ctrl+N)</source>
        <translation>开始拜访此客户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="304"/>
        <source>&amp;Log a call</source>
        <translation>登记电话催收(&amp;L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="305"/>
        <source>Log a phone call with this customer (Ctrl+L)</source>
        <translation>登记与此客户的通话（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="306"/>
        <source>&amp;Unfinished visits…</source>
        <translation>未完成的拜访(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="307"/>
        <source>S&amp;tatement of account</source>
        <translation>对账单(&amp;T)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="309"/>
        <source>Make a signed statement of account as of today and open it (Ctrl+Shift+S)</source>
        <translation>生成截至今日并已签章的对账单，然后打开（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="310"/>
        <source>&amp;Print agreements of a day…</source>
        <translation>打印某日的协议书(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="311"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="312"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="313"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="314"/>
        <source>Today&apos;s &amp;route</source>
        <translation>今日路线(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="315"/>
        <source>&amp;Customers</source>
        <translation>客户列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="316"/>
        <source>&amp;Back to previous customer</source>
        <translation>返回上一个客户(&amp;B)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="317"/>
        <source>&amp;About fieldapp</source>
        <translation>关于 fieldapp(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="69"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="70"/>
        <source>Which column of the file holds what. Fields that are not in the file stay empty.</source>
        <translation>指定文件中每一列的内容。文件中没有的字段将保留为空。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="73"/>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="77"/>
        <source>&amp;Date order:</source>
        <translation>日期顺序(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="78"/>
        <source>&amp;Numbers:</source>
        <translation>数字格式(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="79"/>
        <source>C&amp;urrency of rows that name none:</source>
        <translation>未注明币种的行所用币种(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="80"/>
        <source>&amp;Save as source…</source>
        <translation>另存为数据来源(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="95"/>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="104"/>
        <source>— not in the file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="106"/>
        <source>(column {number})</source>
        <translation>（第 {number} 列）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="143"/>
        <source>No column names the customer: each block&apos;s customer is read from the line above it (“Customer: …”), as in a customer ledger.</source>
        <translation>没有任何一列注明客户：每个区块的客户从其上方一行读取（“客户：…”），与客户明细账相同。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="149"/>
        <source>Choose the column of the customer code or name.</source>
        <translation>请选择客户编号或客户名称所在的列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="151"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation>请至少选择一列金额：金额、未付金额、借方、贷方或余额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="153"/>
        <source>One column is chosen for two fields: choose each column once.</source>
        <translation>同一列被指定给两个字段：每一列只能选择一次。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="163"/>
        <source>Save as source</source>
        <translation>另存为数据来源</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="164"/>
        <source>Name of the source (for example the company and report):</source>
        <translation>数据来源名称（例如公司和报表名称）：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="177"/>
        <source>Saved as “{name}”: files with these columns will be read this way from now on.</source>
        <translation>已保存为“{name}”：今后包含这些列的文件都将按此方式读取。</translation>
    </message>
</context>
<context>
    <name>MasterEditDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="82"/>
        <source>Correct the customer&apos;s details</source>
        <translation>更正客户资料</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;District:</source>
        <translation>区域(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>P&amp;rovince:</source>
        <translation>省份(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Contact:</source>
        <translation>联系人(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="87"/>
        <source>New contact…</source>
        <translation>新联系人…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="88"/>
        <source>Changes are used here at once and sent to the office with the next sync. If the office changed the same detail meanwhile, a supervisor decides which one to keep.</source>
        <translation>更改会立即在本机生效，并在下次同步时发送给公司。如果公司在此期间修改了同一项资料，将由主管决定保留哪一个。</translation>
    </message>
</context>
<context>
    <name>MoneyCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="36"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="37"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="40"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="41"/>
        <source>Date on the cheque</source>
        <translation>支票日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="43"/>
        <source>Applied to</source>
        <translation>核销发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Invoice</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Open balance</source>
        <translation>未付余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Applied</source>
        <translation>核销金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="84"/>
        <source>Transfer or cheque number</source>
        <translation>转账流水号或支票号码</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="137"/>
        <source>Not an amount for invoice %1.</source>
        <translation>发票 %1 的金额格式不正确。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="174"/>
        <source>Receipt %1 was issued; only the office can void it.</source>
        <translation>收据 %1 已开具，只有公司内勤可以作废。</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../fieldapp/ui/visit/money_edit.py" line="94"/>
        <source>read as {amount}</source>
        <translation>识别为金额 {amount}</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="96"/>
        <source>Fix what is marked in red before going on.</source>
        <translation>请先修正标红的项目，再继续。</translation>
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
        <translation>拨打号码</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="29"/>
        <source>Numbers to dial</source>
        <translation>拨打号码</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="31"/>
        <source>No phone number on file: ask the office for one.</source>
        <translation>没有登记电话号码：请向公司内勤索取。</translation>
    </message>
</context>
<context>
    <name>ObjectionsField</name>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="23"/>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="24"/>
        <source>Prepared answer</source>
        <translation>应对话术</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="33"/>
        <source>Add objection</source>
        <translation>添加异议</translation>
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
        <translation>争议中</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="43"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="45"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="47"/>
        <source>Found in</source>
        <translation>匹配字段</translation>
    </message>
</context>
<context>
    <name>OfficeNotes</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="14"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="16"/>
        <source>Has issues</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="18"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="20"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="28"/>
        <source>Comment (corrects an earlier one)</source>
        <translation>评论（更正之前的评论）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="29"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="33"/>
        <source>Dispute resolved</source>
        <translation>争议已解决</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="37"/>
        <source>Receipt %1 voided</source>
        <translation>收款收据 %1 已作废</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="54"/>
        <source>A record not on this laptop</source>
        <translation>不在本机上的记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="57"/>
        <source>Call of %1</source>
        <translation>%1 的电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="59"/>
        <source>Visit of %1</source>
        <translation>%1 的拜访</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_words.py" line="69"/>
        <source>%n new notes from the office</source>
        <translation>
            <numerusform>公司的备注：新增 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeNotesDialog</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="133"/>
        <source>By %1, %2</source>
        <translation>发送人：%1，%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="141"/>
        <source>%n notes</source>
        <translation>
            <numerusform>共 %n 条备注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="142"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="145"/>
        <source>From the office</source>
        <translation>公司的备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="146"/>
        <source>No notes from the office yet. They arrive with the assignment pack when you sync.</source>
        <translation>暂无公司的备注。同步时，备注会随分配数据包一起送达。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="148"/>
        <source>&amp;Open the record</source>
        <translation>打开记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="149"/>
        <source>Show this customer and record (Enter)</source>
        <translation>显示此客户及记录（Enter）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="150"/>
        <source>&amp;Mark as read</source>
        <translation>标为已读(&amp;M)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="151"/>
        <source>Mark &amp;all as read</source>
        <translation>全部标为已读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="152"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
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
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="39"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="40"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="41"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="43"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="45"/>
        <source>From</source>
        <translation>发送人</translation>
    </message>
</context>
<context>
    <name>OfficeNotesUi</name>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="80"/>
        <source>From the &amp;office…</source>
        <translation>公司的备注(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="81"/>
        <source>Review states and comments the office sent about your records (Ctrl+Shift+O)</source>
        <translation>查看公司对您的记录给出的审核状态和评论（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="85"/>
        <source>Open the notes from the office</source>
        <translation>打开公司的备注</translation>
    </message>
</context>
<context>
    <name>OfficeSync</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="136"/>
        <source>Company CA passphrase</source>
        <translation>公司 CA 密码短语</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="137"/>
        <source>The passphrase of the company CA signs the acknowledgements and packs for the laptops. It is kept until this window closes. Without it, bundles are imported and the laptops are answered later.</source>
        <translation>公司 CA 的密码短语用于为各电脑签署确认回执和分配数据包。关闭此窗口前会一直保留。若不输入，数据包照常导入，但要稍后才能答复各电脑。</translation>
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
        <translation>已导入：%1
此前已导入：%2
等待更早的数据包：%3
已隔离：%4
已写出确认回执：%5
已写出分配数据包：%6</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="197"/>
        <source>%1 files could not be read and stay in the folder for the next sync.</source>
        <translation>%1 个文件无法读取，将留在文件夹中等待下次同步。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="200"/>
        <source>Without the CA passphrase no acknowledgement or pack was written.</source>
        <translation>没有 CA 密码短语，未写出任何确认回执或分配数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="202"/>
        <source>Sync folder</source>
        <translation>同步文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="208"/>
        <source>No sync folder</source>
        <translation>未设置同步文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="210"/>
        <source>Sync folder not found: %1</source>
        <translation>找不到同步文件夹：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="212"/>
        <source>Last import: %1</source>
        <translation>上次导入：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="214"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="215"/>
        <source>Bundles waiting: %1</source>
        <translation>等待中的数据包：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="216"/>
        <source>Quarantined: %1</source>
        <translation>已隔离：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="219"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="221"/>
        <source>Watching</source>
        <translation>正在监视</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="223"/>
        <source>Acknowledgements wait for the CA passphrase</source>
        <translation>确认回执正在等待 CA 密码短语</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="178"/>
        <source>About fieldapp office</source>
        <translation>关于 fieldapp 公司端</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="179"/>
        <source>&lt;b&gt;fieldapp office %1&lt;/b&gt;&lt;p&gt;Receivables imported from the accounting software, customers assigned to collectors, and their routes.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp 公司端 %1&lt;/b&gt;&lt;p&gt;从会计软件导入的应收账款、分配给催收员的客户，以及催收员的拜访路线。&lt;/p&gt;</translation>
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
        <translation>数据库：%1（已加密）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="212"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="214"/>
        <source>Database: %1 on %2</source>
        <translation>数据库：%1（服务器 %2）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="215"/>
        <source> (as %1)</source>
        <translation>（用户 %1）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="219"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="220"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="221"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="222"/>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="223"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="224"/>
        <source>Installment agreements of a day…</source>
        <translation>某日的分期付款协议…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="225"/>
        <source>Statements of account…</source>
        <translation>对账单…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="226"/>
        <source>Import arrived bundles</source>
        <translation>导入已到达的数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="228"/>
        <source>Import the day bundles waiting in the sync folder and answer the laptops</source>
        <translation>导入同步文件夹中等待的每日数据包，并答复各电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="229"/>
        <source>Send packs to all laptops</source>
        <translation>向所有电脑发送分配数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="230"/>
        <source>Sync folder…</source>
        <translation>同步文件夹…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="232"/>
        <source>Import receivables…</source>
        <translation>导入应收账款…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="233"/>
        <source>Import day bundles…</source>
        <translation>导入每日数据包…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="234"/>
        <source>Export to accounting…</source>
        <translation>导出到会计…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="235"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="236"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="237"/>
        <source>&amp;About fieldapp office</source>
        <translation>关于 fieldapp 公司端(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Queues</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Portfolio</source>
        <translation>客户总览</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Collectors</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Laptops</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Inbox</source>
        <translation>审核收件箱</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="245"/>
        <source>Where this office&apos;s data is kept</source>
        <translation>公司端数据的存放位置</translation>
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
        <translation>移除此项结果</translation>
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
        <translation>首付 %1，之后 %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="44"/>
        <source>revisit %1</source>
        <translation>%1 再访</translation>
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
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="127"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="128"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="130"/>
        <source>Allocated to</source>
        <translation>核销发票</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="140"/>
        <source>Voided by the office: {reason}</source>
        <translation>已被公司作废：{reason}</translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="33"/>
        <source>Agreed total</source>
        <translation>协议总额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="40"/>
        <source>Down payment (optional)</source>
        <translation>首付款（选填）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="43"/>
        <source>Schedule</source>
        <translation>付款时间表</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="45"/>
        <source>Default clause</source>
        <translation>违约条款</translation>
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
        <translation>期数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="83"/>
        <source>if everything is paid by</source>
        <translation>若于以下日期前全部付清</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="87"/>
        <source>Early-payment discount</source>
        <translation>提前付款折扣</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="140"/>
        <source>The disputed invoices changed the agreed total from %1 to %2.</source>
        <translation>有争议的发票使协议总额由 %1 变为 %2。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="156"/>
        <source>settles with %1</source>
        <translation>只需支付 %1 即可结清</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="166"/>
        <source>Covers invoices: %1</source>
        <translation>涵盖发票：%1</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="179"/>
        <source>Loading customers…</source>
        <translation>正在加载客户…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="181"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n 家客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="184"/>
        <source>%1 of %n customers match</source>
        <translation>
            <numerusform>%n 家客户中有 %1 家符合</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="190"/>
        <source>Search name, code, tax code, phone, contact… (Ctrl+F)</source>
        <translation>搜索名称、编号、税号、电话、联系人…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="191"/>
        <source>No customer matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的客户。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="193"/>
        <source>No customers yet. Import the receivables exported from your accounting software: customers and their open invoices come with them.</source>
        <translation>暂无客户。请导入从会计软件导出的应收账款：客户及其未结发票会一并导入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="195"/>
        <source>Import receivables…</source>
        <translation>导入应收账款…</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="71"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="72"/>
        <source>The file as it would be imported. Nothing is written yet.</source>
        <translation>文件将按以下方式导入。目前尚未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="73"/>
        <source>Import the &amp;good rows and skip the bad ones</source>
        <translation>导入正确的行并跳过有问题的行(&amp;G)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="74"/>
        <source>Load the balances as &amp;opening balances on</source>
        <translation>将余额导入为期初余额(&amp;O)，日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="100"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="123"/>
        <source>&amp;Rows as understood</source>
        <translation>解读后的各行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="125"/>
        <source>&amp;Problems: {count}</source>
        <translation>问题(&amp;P)：{count}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="144"/>
        <source>Data rows: {rows} · Customers: {customers} · Invoices: {invoices} · Credits: {credits} · Opening balances: {openings}</source>
        <translation>数据行：{rows} · 客户：{customers} · 发票：{invoices} · 贷方项目：{credits} · 期初余额：{openings}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="158"/>
        <source>The table shows the first {count} rows.</source>
        <translation>表格仅显示前 {count} 行。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="174"/>
        <source>{count} rows have problems (listed above). Correct them in the accounting program and export again, or import the other rows and skip these.</source>
        <translation>有 {count} 行有问题（见上方列表）。请在会计软件中更正后重新导出，或导入其他行并跳过这些行。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="142"/>
        <source>Reading was stopped: go back and forward again to read the file.</source>
        <translation>已停止读取：请返回上一步再点击下一步，以重新读取文件。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="151"/>
        <source>Amounts: {totals}</source>
        <translation>金额：{totals}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="154"/>
        <source>Open: {totals}</source>
        <translation>未付金额：{totals}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="162"/>
        <source>This report has one line per customer and no invoices, so it cannot be imported as invoices. Its balances can be loaded instead as opening balances: one open amount per customer, on the day you choose below.</source>
        <translation>此报表每个客户只有一行，没有发票明细，因此无法作为发票导入。可改为将其余额导入为期初余额：每个客户一笔未付金额，日期为您在下方选择的日期。</translation>
    </message>
</context>
<context>
    <name>PreviewRowsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="31"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="32"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="35"/>
        <source>Document</source>
        <translation>单据</translation>
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
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="42"/>
        <source>Open</source>
        <translation>未付金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="44"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="112"/>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="230"/>
        <source>Every customer of the day</source>
        <translation>当日所有客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="166"/>
        <source>Preparing the installment agreements…</source>
        <translation>正在准备分期付款协议…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="171"/>
        <source>Preparing the statements of account…</source>
        <translation>正在准备对账单…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="179"/>
        <source>Company CA passphrase</source>
        <translation>公司 CA 密码短语</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="180"/>
        <source>The office signs what it prints with a key kept under the company CA&apos;s passphrase. It is kept until the window closes.</source>
        <translation>公司会用一把受公司 CA 密码短语保护的密钥，对打印的文件进行签名。密码短语会保留到窗口关闭为止。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="202"/>
        <source>Nothing printed</source>
        <translation>未打印任何内容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="206"/>
        <source>Installment agreements of %1</source>
        <translation>%1 的分期付款协议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="208"/>
        <source>Statements of account as of %1</source>
        <translation>截至 %1 的对账单</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="218"/>
        <source>Print agreements and statements</source>
        <translation>打印协议和对账单</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="219"/>
        <source>What to print (one PDF, each customer from a new page, in the customer&apos;s language):</source>
        <translation>要打印的内容（合并为一个 PDF，每家客户从新的一页开始，使用该客户的语言）：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="221"/>
        <source>&amp;Installment agreements of a day, for signing in ink</source>
        <translation>某日的分期付款协议，供亲笔签名(&amp;I)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="223"/>
        <source>&amp;Statements of account for a group of customers</source>
        <translation>一组客户的对账单(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="225"/>
        <source>Agreements</source>
        <translation>分期付款协议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="226"/>
        <source>Statements</source>
        <translation>对账单</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="227"/>
        <source>Made on:</source>
        <translation>签订日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="228"/>
        <source>Only the route of:</source>
        <translation>仅限以下催收员的路线：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="231"/>
        <source>Customers:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="232"/>
        <source>A collector&apos;s customers with open invoices</source>
        <translation>某催收员名下有未结发票的客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="233"/>
        <source>The customers on a collector&apos;s route</source>
        <translation>某催收员路线上的客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="234"/>
        <source>These customer codes</source>
        <translation>以下客户编号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="236"/>
        <source>Collector:</source>
        <translation>催收员：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="237"/>
        <source>Route of:</source>
        <translation>路线日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="238"/>
        <source>Codes:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="239"/>
        <source>Customer codes separated by commas</source>
        <translation>客户编号，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="240"/>
        <source>As of:</source>
        <translation>截至日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="241"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
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
        <translation>正在打印</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="40"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="41"/>
        <source>The printer could not be used:
%1</source>
        <translation>无法使用打印机：
%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="50"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="54"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="56"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="57"/>
        <source>What is wrong</source>
        <translation>问题说明</translation>
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
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>PromiseCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="36"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="37"/>
        <source>Pay by</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="39"/>
        <source>Promised by</source>
        <translation>承诺人</translation>
    </message>
</context>
<context>
    <name>QueueDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="108"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="110"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="112"/>
        <source>Deadline</source>
        <translation>上报期限</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="114"/>
        <source>Claimed reason</source>
        <translation>客户所述原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>Resolver</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>not assigned yet</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="117"/>
        <source>Commitment</source>
        <translation>承诺类型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="119"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="121"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="122"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="124"/>
        <source>Paid towards it</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="127"/>
        <source>Collector&apos;s next step</source>
        <translation>催收员的下一步安排</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="134"/>
        <source>Customer&apos;s description</source>
        <translation>客户说法</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="136"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="138"/>
        <source>Issues found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="139"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="142"/>
        <source>Re&amp;solver:</source>
        <translation>处理人(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="143"/>
        <source>who resolves the dispute</source>
        <translation>负责解决此争议的人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="144"/>
        <source>&amp;Assign</source>
        <translation>指定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="145"/>
        <source>Root &amp;cause:</source>
        <translation>根本原因(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="147"/>
        <source>the cause found, apart from the customer&apos;s claimed reason</source>
        <translation>查明的实际原因（不同于客户所述原因）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="148"/>
        <source>&amp;Resolve</source>
        <translation>解决(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="149"/>
        <source>&amp;Handed over to the legal route</source>
        <translation>已转交法律途径处理(&amp;H)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="150"/>
        <source>&amp;Open the record in the Inbox</source>
        <translation>在审核收件箱中打开记录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="19"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="20"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="21"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="22"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="23"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="24"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="25"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="49"/>
        <source>Deadline</source>
        <translation>上报期限</translation>
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
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="17"/>
        <source>Promises due today</source>
        <translation>今日到期的承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="18"/>
        <source>Broken promises</source>
        <translation>未兑现的承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="19"/>
        <source>Partially kept promises</source>
        <translation>部分兑现的承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="20"/>
        <source>Notes to the supervisor</source>
        <translation>给主管的备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="21"/>
        <source>Refusals heading for the legal route</source>
        <translation>拟转交法律途径的拒绝付款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="22"/>
        <source>Records with issues</source>
        <translation>有问题的记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="23"/>
        <source>Money to confirm</source>
        <translation>待确认款项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="29"/>
        <source>No open disputes: every dispute imported so far is resolved.</source>
        <translation>没有未解决的争议：目前已导入的争议均已解决。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="31"/>
        <source>No promise falls due today that is not already kept.</source>
        <translation>今天没有到期且尚未兑现的承诺。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="33"/>
        <source>No promise was broken in the last 30 days.</source>
        <translation>最近 30 天内没有未兑现的承诺。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="35"/>
        <source>No promise was only partly kept in the last 30 days.</source>
        <translation>最近 30 天内没有仅部分兑现的承诺。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="37"/>
        <source>No notes waiting: a note leaves this queue once its record is reviewed in the Inbox.</source>
        <translation>没有待处理的备注：备注所属的记录在审核收件箱中审核后，该备注即会移出此待办队列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="40"/>
        <source>No refusal is waiting to be handed over to the legal route.</source>
        <translation>没有等待转交法律途径的拒绝付款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="42"/>
        <source>No record is marked as having issues.</source>
        <translation>没有被标记为有问题的记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="44"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation>没有等待确认的当场收款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="61"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="62"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="69"/>
        <source>%1 (none)</source>
        <translation>%1（无）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="70"/>
        <source>%1 (%2, oldest %3)</source>
        <translation>%1（%2 项，最久已等待 %3）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="78"/>
        <source>Overdue by %1 h</source>
        <translation>已逾期 %1 小时</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="80"/>
        <source>%1 h left</source>
        <translation>剩余 %1 小时</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="91"/>
        <source>Installment line</source>
        <translation>分期款项</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="93"/>
        <source>Promise to pay</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="101"/>
        <source>Follow up on %1</source>
        <translation>于 %1 跟进</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="104"/>
        <source>Revisit on %1</source>
        <translation>于 %1 再访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="112"/>
        <source>On the route on %1</source>
        <translation>已排入 %1 的路线</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="115"/>
        <source>None planned: the record sets no follow-up day or revisit, and no route has the customer yet.</source>
        <translation>暂无安排：记录中未设定跟进日期或再访日期，也还没有任何路线包含该客户。</translation>
    </message>
</context>
<context>
    <name>QueuesView</name>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="130"/>
        <location filename="../fieldapp/ui/office/queues_view.py" line="219"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="212"/>
        <source>Items: %1, the oldest first</source>
        <translation>共 %1 项，按时间由旧到新排列</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="217"/>
        <source>&amp;Collector:</source>
        <translation>催收员(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/questions.py" line="44"/>
        <source>Amend</source>
        <translation>修订</translation>
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
        <translation>会计记录：%1，%2（%3）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Matched</source>
        <translation>已对账</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="140"/>
        <source>Matched automatically with the accounting entry %1 (%2, %3) of the same customer and amount.</source>
        <translation>已自动与同一客户、相同金额的会计记录 %1（%2，%3）对账。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="145"/>
        <source>%1 by %2 on %3.</source>
        <translation>%1：操作人 %2，时间 %3。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="159"/>
        <source>Confirm receipts</source>
        <translation>确认收款收据</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="160"/>
        <source>Confirm all %n pending receipt(s)?</source>
        <translation>
            <numerusform>要确认全部 %n 张待确认的收款收据吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="196"/>
        <source>%n receipt(s) of money taken on site wait for confirmation, the oldest first. A later accounting import matches them by itself.</source>
        <translation>
            <numerusform>有 %n 张当场收款的收款收据等待确认，按时间由旧到新排列。之后导入会计数据时会自动对账。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="199"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation>没有等待确认的当场收款。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="202"/>
        <source>Only the oldest %1 of this list are shown.</source>
        <translation>仅显示此列表中最早的 %1 项。</translation>
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
        <translation>距今天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Receipt</source>
        <translation>收款收据</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Match or reason</source>
        <translation>对账记录或原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="215"/>
        <source>&amp;Confirm selected</source>
        <translation>确认所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="216"/>
        <source>Confirm &amp;all pending…</source>
        <translation>确认全部待确认项(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="217"/>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="78"/>
        <source>Discard the draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="79"/>
        <source>Discard the unfinished %1 with %2? What was typed is lost.</source>
        <translation>要删除 %2 未完成的%1草稿吗？已输入的内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="81"/>
        <source>&amp;Discard</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="93"/>
        <source>Unfinished visits</source>
        <translation>未完成的拜访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="94"/>
        <source>These visits and calls were not finalized. Everything typed was saved: resume one to finish it, or discard it.</source>
        <translation>这些拜访和电话尚未完成。已输入的内容均已保存：可以继续完成，或将其删除。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="96"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="97"/>
        <source>&amp;Discard…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="98"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
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
        <translation>拜访结果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="230"/>
        <source>— add every result of the visit; one visit can have several.</source>
        <translation>— 请添加本次拜访的每一项结果；一次拜访可以有多项结果。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="231"/>
        <source>+ &amp;Money received</source>
        <translation>+ 当场收款(&amp;M)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="232"/>
        <source>+ &amp;Promise to pay</source>
        <translation>+ 付款承诺(&amp;P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="233"/>
        <source>+ &amp;Installment plan</source>
        <translation>+ 分期付款计划(&amp;I)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="234"/>
        <source>+ &amp;Dispute</source>
        <translation>+ 争议(&amp;D)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="235"/>
        <source>+ Re&amp;fusal</source>
        <translation>+ 拒绝付款(&amp;F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="236"/>
        <source>+ Customer &amp;absent / closed</source>
        <translation>+ 客户不在／店铺关闭(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="241"/>
        <source>I confirm these amounts with the customer although they exceed what is owed</source>
        <translation>我已与客户确认这些金额，尽管超过未付余额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="243"/>
        <source>Why? e.g. a credit note is pending, an invoice is not imported yet</source>
        <translation>原因？例如：红字发票尚未开具、有发票尚未导入</translation>
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
        <translation>提前拜访（Alt+Up）；也可以直接拖动各行</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="58"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="59"/>
        <source>Visit later (Alt+Down)</source>
        <translation>推迟拜访（Alt+Down）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="60"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="61"/>
        <source>Take the stop off the route (Delete)</source>
        <translation>将此拜访点从路线中移除（Delete）</translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="34"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="39"/>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
</context>
<context>
    <name>RouteSheetPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="66"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="68"/>
        <source>Printing %1…</source>
        <translation>正在打印 %1…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="72"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="74"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="82"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="83"/>
        <source>The route sheet could not be saved to %1:
%2</source>
        <translation>无法将路线表保存到 %1：
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="89"/>
        <source>Route sheet of %1 for %2</source>
        <translation>%1 的路线表（%2）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="92"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="93"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RouteStopsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="19"/>
        <source>Customer</source>
        <translation>客户</translation>
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
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="22"/>
        <source>Objective</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="23"/>
        <source>Why</source>
        <translation>建议原因</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="24"/>
        <source>Promise due, not kept</source>
        <translation>承诺已到期，未兑现</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="25"/>
        <source>Revisit due</source>
        <translation>再访日期已到</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="26"/>
        <source>Dispute waiting</source>
        <translation>争议待处理</translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="94"/>
        <source>Today&apos;s route</source>
        <translation>今日路线</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/route_view.py" line="97"/>
        <source>Stops: %n</source>
        <translation>
            <numerusform>共 %n 个拜访点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="99"/>
        <source>No visits are planned for today.</source>
        <translation>今天没有安排拜访。</translation>
    </message>
</context>
<context>
    <name>RoutesView</name>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="124"/>
        <source>No collectors yet: add them in the Collectors tab.</source>
        <translation>暂无催收员：请在“催收员”选项卡中添加。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="156"/>
        <source>Unsaved route</source>
        <translation>路线尚未保存</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="157"/>
        <source>The route of this day has changes that are not saved. Save them?</source>
        <translation>该日的路线有尚未保存的更改。要保存吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="182"/>
        <source>%n stops saved for this day.</source>
        <translation>
            <numerusform>该日已保存 %n 个拜访点。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="203"/>
        <source>%n stops suggested; save to keep them.</source>
        <translation>
            <numerusform>已建议 %n 个拜访点；请保存以保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="205"/>
        <source>Nothing more to suggest for this day.</source>
        <translation>该日已没有其他可建议的拜访点。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="280"/>
        <source>The route has changes that are not saved.</source>
        <translation>路线有尚未保存的更改。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="296"/>
        <source>Collector:</source>
        <translation>催收员：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="297"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="298"/>
        <source>Start:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="299"/>
        <source>When the first visit starts (HH:MM)</source>
        <translation>第一次拜访的开始时间（HH:MM）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="300"/>
        <source>&amp;Suggest</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="302"/>
        <source>Add the customers most worth a visit: promises due and not kept, revisits, disputes waiting, then the largest and oldest overdue amounts</source>
        <translation>添加最值得拜访的客户：承诺已到期但未兑现、需要再访、争议待处理者优先，其次按逾期金额由大到小、逾期时间由长到短</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="304"/>
        <source>Spread times</source>
        <translation>重排时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="305"/>
        <source>Plan every visit again from the start time</source>
        <translation>从开始时间起重新安排每次拜访的时间</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="306"/>
        <source>Save route</source>
        <translation>保存路线</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="307"/>
        <source>Print route sheet…</source>
        <translation>打印路线表…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="308"/>
        <source>Print statements…</source>
        <translation>打印对账单…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="310"/>
        <source>Statements of account for the customers on this route, in one signed PDF</source>
        <translation>此路线上客户的对账单，合并为一个已签章的 PDF</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="48"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="49"/>
        <source>The receivables are written in one step: all or nothing.</source>
        <translation>应收账款将一次性写入：要么全部写入，要么完全不写入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="50"/>
        <source>&amp;Skipped rows</source>
        <translation>已跳过的行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="51"/>
        <source>Import &amp;again</source>
        <translation>重新导入(&amp;A)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="73"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="107"/>
        <source>The import was stopped. Nothing was written.</source>
        <translation>已停止导入。未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="110"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="113"/>
        <source>The receivables were imported.</source>
        <translation>应收账款已导入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="114"/>
        <source>Customers: {created} new, {updated} updated.</source>
        <translation>客户：新增 {created} 家，更新 {updated} 家。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="117"/>
        <source>Invoices: {created} new, {updated} updated, {closed} closed because the export no longer lists them as open.</source>
        <translation>发票：新增 {created} 张，更新 {updated} 张，{closed} 张因导出文件已不再列为未结而结清。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="122"/>
        <source>Open in this export: {totals}</source>
        <translation>此导出文件的未付金额：{totals}</translation>
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
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="53"/>
        <source>Down payment</source>
        <translation>首付款</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="31"/>
        <source>Collector name</source>
        <translation>催收员姓名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="30"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="32"/>
        <source>Your title on Vietnamese documents</source>
        <translation>您在越南语文件上的职务</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="33"/>
        <source>Your title on Traditional Chinese documents</source>
        <translation>您在繁体中文文件上的职务</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="34"/>
        <source>Your title on Simplified Chinese documents</source>
        <translation>您在简体中文文件上的职务</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Your title on English documents</source>
        <translation>您在英语文件上的职务</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Latest promise date (days ahead)</source>
        <translation>承诺付款日最远可约几天后（天）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Grace days before a promise is broken</source>
        <translation>承诺付款的宽限天数（超过即视为未兑现）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="38"/>
        <source>Share paid that keeps a promise (%)</source>
        <translation>付款达到多少比例即视为承诺已兑现（%）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Remind this many days before a promise</source>
        <translation>承诺付款日前几天提醒（天）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="40"/>
        <source>Warn when a dispute deadline is this close (hours)</source>
        <translation>争议上报期限前多久提醒（小时）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="41"/>
        <source>Least ink for a signature (pixels)</source>
        <translation>签名笔迹最少长度（像素）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="42"/>
        <source>Lock the window after this many idle minutes</source>
        <translation>无操作超过此分钟数后锁定窗口</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Company address</source>
        <translation>公司地址</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="45"/>
        <source>Company tax code</source>
        <translation>公司纳税人识别号</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Company phone</source>
        <translation>公司电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Sync folder</source>
        <translation>同步文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="48"/>
        <source>Sync when the program starts</source>
        <translation>程序启动时同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="49"/>
        <source>Sync when the program closes</source>
        <translation>程序关闭时同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="70"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="89"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="90"/>
        <source>None: choose the folder shared with the office</source>
        <translation>无：请选择与公司共享的文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="95"/>
        <source>Choose the sync folder</source>
        <translation>选择同步文件夹</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="203"/>
        <source>Enter the company&apos;s name: it heads every document.</source>
        <translation>请输入公司名称：每份文件的抬头都会显示此名称。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="211"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="212"/>
        <source>Your name and title go on every record you sign. Please enter them before the first visit.</source>
        <translation>您的姓名和职务会出现在您签署的每一份记录上，请在首次拜访前填写。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="214"/>
        <source>These settings apply to this laptop.</source>
        <translation>这些设置仅适用于本机。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="216"/>
        <source>Letterhead on every document</source>
        <translation>每份文件的抬头</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="217"/>
        <source>Sync with the office</source>
        <translation>与公司同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="219"/>
        <source>Change PIN or passphrase…</source>
        <translation>修改 PIN 码或密码短语…</translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="66"/>
        <source>The customer was absent: nobody signs for the customer; you sign the record alone.</source>
        <translation>客户不在：无人代表客户签名；由您单独签署此记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="70"/>
        <source>Nothing the customer signed has changed: their signature on the original record stands, and you sign the amendment alone.</source>
        <translation>客户签署过的内容均未更改：客户在原记录上的签名仍然有效，修订由您单独签署。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="109"/>
        <source>The record changed after it was signed: read the summary again with the customer, then both sign again.</source>
        <translation>记录在签名后已更改：请与客户重新核对摘要，然后双方重新签名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="127"/>
        <source>Summary for the customer (%1)</source>
        <translation>供客户确认的摘要（%1）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="129"/>
        <source>Customer signs</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="130"/>
        <source>Collector signs</source>
        <translation>催收员签名</translation>
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
        <translation>撤销</translation>
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
        <translation>职务</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="45"/>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="46"/>
        <source>The accounting program and report the file comes from.</source>
        <translation>文件所来自的会计软件和报表。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="47"/>
        <source>&amp;Source:</source>
        <translation>数据来源(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="54"/>
        <source>Find it from the columns</source>
        <translation>根据各列自动识别</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="56"/>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="141"/>
        <source>{name} (saved)</source>
        <translation>{name}（已保存）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="107"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="117"/>
        <source>No known export has these columns: say on the next page which column holds what.</source>
        <translation>没有任何已知的导出格式包含这些列：请在下一页指定每一列的内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="120"/>
        <source>The columns of {source} were not found: say on the next page which column holds what.</source>
        <translation>找不到 {source} 的各列：请在下一页指定每一列的内容。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="123"/>
        <source>Found: {source}.</source>
        <translation>已识别：{source}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="125"/>
        <source>Read as {source}.</source>
        <translation>按 {source} 格式读取。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="127"/>
        <source>An Excel workbook with {count} columns.</source>
        <translation>Excel 工作簿，共 {count} 列。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="130"/>
        <source>Text encoding: {encoding}. Columns: {count}.</source>
        <translation>文本编码：{encoding}。列数：{count}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="135"/>
        <source>The report is dated {day}.</source>
        <translation>报表日期：{day}。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../fieldapp/ui/app.py" line="79"/>
        <source>Restore the backup of %1?</source>
        <translation>要恢复 %1 的备份吗？</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="81"/>
        <source>The damaged file is kept in the backups folder; what was recorded after the backup is not in it.</source>
        <translation>已损坏的文件会保留在备份文件夹中；备份之后记录的内容不包含在备份中。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="83"/>
        <source>What will be lost: visits, calls, payments and documents recorded on this laptop after %1. Those among them already sent are kept by the office; the others are lost.</source>
        <translation>将会丢失的内容：%1 之后在本机上记录的拜访、电话、收款和文件。其中已发送的部分由公司保留；其余的将会丢失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="91"/>
        <source>&amp;Restore the backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>StartupDocuments</name>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="84"/>
        <source>Last finalized: %1, %2 — receipt %3</source>
        <translation>最近完成：%1，%2 — 收据 %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="87"/>
        <source>Last finalized: %1, %2 — no money taken</source>
        <translation>最近完成：%1，%2 — 未收款</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="90"/>
        <source>Some documents are still pending: see the visit&apos;s Retry</source>
        <translation>部分文件仍待生成：请使用该拜访的“重试”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="92"/>
        <source>Check this before recording money again: a receipt already issued stands for money already taken.</source>
        <translation>再次登记收款前请先确认：已开具的收据代表款项已经收取。</translation>
    </message>
</context>
<context>
    <name>SyncFolderDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="39"/>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="49"/>
        <source>Sync folder</source>
        <translation>同步文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="51"/>
        <source>The folder this office shares with its laptops: a shared drive, a cloud folder or a USB stick. Laptops put their day bundles in its to-office folder; the office puts each laptop&apos;s acknowledgements and assignment packs in to-laptops. Every supervisor of this office uses the same folder. Leave it empty to use none.</source>
        <translation>本公司与其电脑共享的文件夹：共享驱动器、云盘文件夹或 U 盘。电脑将每日数据包放入其中的 to-office 文件夹；公司将给每台电脑的确认回执和分配数据包放入 to-laptops 文件夹。本公司的所有主管都使用同一个文件夹。留空则不使用同步文件夹。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="56"/>
        <source>Watch the folder and import bundles as they arrive</source>
        <translation>监视该文件夹，数据包一到即导入</translation>
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
        <translation>安装公司的应答(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="41"/>
        <source>&amp;Send to the office…</source>
        <translation>发送给公司(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="42"/>
        <source>&amp;Receive assignment pack…</source>
        <translation>接收分配数据包(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="43"/>
        <source>Take &amp;acknowledgement…</source>
        <translation>接收确认回执(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="54"/>
        <source>This laptop is enrolled</source>
        <translation>本机已注册</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="55"/>
        <source>Enrolled for %1 of %2</source>
        <translation>已注册给 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="58"/>
        <source>&amp;Enroll this laptop…</source>
        <translation>注册本机(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="60"/>
        <source>Save a certificate request for the office to answer</source>
        <translation>保存证书请求文件，交由公司应答</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="67"/>
        <source>Save the certificate request</source>
        <translation>保存证书请求文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="69"/>
        <source>Certificate requests (*.csr);;All files (*)</source>
        <translation>证书请求文件 (*.csr);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="72"/>
        <source>The certificate request was saved to %1. Give it to the office; then install the office&apos;s answer.</source>
        <translation>证书请求文件已保存到 %1。请交给公司，然后安装公司的应答。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="77"/>
        <source>Install the office&apos;s answer</source>
        <translation>安装公司的应答</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="78"/>
        <source>Enrollment answers (*.zip);;All files (*)</source>
        <translation>注册应答文件 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="86"/>
        <source>This laptop is now enrolled for %1 of %2. Documents made from now on are signed with the enrolled key.</source>
        <translation>本机现已注册给 %2 的 %1。此后生成的文件将使用已注册的密钥签署。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="93"/>
        <source>Send to the office: choose the sync folder</source>
        <translation>发送给公司：选择同步文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="100"/>
        <source>A day bundle with %1 records was made.</source>
        <translation>已生成一个包含 %1 条记录的每日数据包。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="101"/>
        <source>No new records since the last bundle.</source>
        <translation>自上一个数据包以来没有新记录。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="103"/>
        <source>%1 bundles waiting for the office&apos;s acknowledgement were written to %2.</source>
        <translation>已将 %1 个等待公司确认回执的数据包写入 %2。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="107"/>
        <source>Receive an assignment pack</source>
        <translation>接收分配数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="115"/>
        <source>Assignment pack version %1 applied: %2 customers added, %3 updated, %4 removed.</source>
        <translation>已应用分配数据包版本 %1：新增 %2 个客户，更新 %3 个，删除 %4 个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_menu.py" line="119"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>公司的备注：新增 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="121"/>
        <source>Disputes you recorded that the office resolved: %1; their invoices are no longer paused.</source>
        <translation>您记录的争议中已由公司解决的：%1 个；相关发票已不再暂停催收。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="126"/>
        <source>Take the office&apos;s acknowledgement</source>
        <translation>接收公司的确认回执</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="132"/>
        <source>The office holds every bundle up to number %1; %2 removed from the outbox.</source>
        <translation>公司已收到编号 %1 及之前的所有数据包；已从发件箱删除 %2 个。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="141"/>
        <source>Sync files (*.zip);;All files (*)</source>
        <translation>同步文件 (*.zip);;所有文件 (*)</translation>
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
        <translation>通过同步文件夹发送和接收（F9）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="77"/>
        <source>Sync s&amp;tatus…</source>
        <translation>同步状态(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="78"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="88"/>
        <source>Not enrolled · Not sent: %1</source>
        <translation>未注册 · 未发送：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="90"/>
        <source>Last sync: %1 · Not sent: %2 · Waiting: %3</source>
        <translation>上次同步：%1 · 未发送：%2 · 等待中：%3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="98"/>
        <source>never</source>
        <translation>从未</translation>
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
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="111"/>
        <source>Enrolled for %1 of %2</source>
        <translation>已注册给 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="112"/>
        <source>Not enrolled with the office</source>
        <translation>尚未向公司注册</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="113"/>
        <source>Sync folder: %1</source>
        <translation>同步文件夹：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="114"/>
        <source>No sync folder is set (Settings)</source>
        <translation>尚未设置同步文件夹（见“设置”）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="115"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="116"/>
        <source>Records not yet sent: %1</source>
        <translation>尚未发送的记录：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="119"/>
        <source>Bundles waiting for the office&apos;s acknowledgement: %1</source>
        <translation>等待公司确认回执的数据包：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="121"/>
        <source>Assignment pack: version %1, valid until %2</source>
        <translation>分配数据包：版本 %1，有效期至 %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="124"/>
        <source>No assignment pack applied yet</source>
        <translation>尚未应用任何分配数据包</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="126"/>
        <source>Left in the sync folder: %1: %2</source>
        <translation>留在同步文件夹中：%1：%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="129"/>
        <source>The last sync failed: %1</source>
        <translation>上次同步失败：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="135"/>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="150"/>
        <source>Choose the sync folder shared with the office</source>
        <translation>选择与公司共享的同步文件夹</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="155"/>
        <location filename="../fieldapp/ui/sync_status.py" line="224"/>
        <source>Syncing with the office…</source>
        <translation>正在与公司同步…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="179"/>
        <source>Sync cancelled; what was done is kept.</source>
        <translation>同步已取消；已完成的部分会保留。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="182"/>
        <source>Synced: %n records sent.</source>
        <translation>
            <numerusform>已同步：已发送 %n 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="184"/>
        <source>%n bundles wait for the office&apos;s acknowledgement.</source>
        <translation>
            <numerusform>%n 个数据包正在等待公司的确认回执。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="187"/>
        <source>Assignment pack version %1 applied.</source>
        <translation>已应用分配数据包版本 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="190"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>公司的备注：新增 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="193"/>
        <source>Some files were left in the sync folder: see the sync status for why.</source>
        <translation>部分文件留在了同步文件夹中：原因请查看同步状态。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="235"/>
        <source>Syncing with the office before closing…</source>
        <translation>关闭前正在与公司同步…</translation>
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
        <translation>第 %v 行，约 %m 行</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="58"/>
        <source>Assigned %n customers to %1.</source>
        <translation>
            <numerusform>已将 %n 家客户分配给 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="59"/>
        <source>no collector</source>
        <translation>“无催收员”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="61"/>
        <source>Nothing changed: the customers already had this collector.</source>
        <translation>未做任何更改：这些客户原本就由该催收员负责。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="63"/>
        <source>Undone: %n customers are back with their previous collectors.</source>
        <translation>
            <numerusform>已撤销：%n 家客户已交还给原来的催收员。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="68"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="34"/>
        <source>Open the office database</source>
        <translation>打开公司端数据库</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="35"/>
        <source>Unlock the profile</source>
        <translation>解锁用户数据</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="46"/>
        <source>Forgotten PIN…</source>
        <translation>忘记 PIN 码…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="61"/>
        <source>This version keeps the profile encrypted. Choose a PIN or passphrase: it is asked every time the program starts.</source>
        <translation>此版本会将用户数据加密保存。请设置 PIN 码或密码短语：每次启动程序时都需要输入。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="64"/>
        <source>Choose a PIN or passphrase for this profile: it is asked every time the program starts, and nobody can open the profile without it.</source>
        <translation>请为此用户数据设置 PIN 码或密码短语：每次启动程序时都需要输入，没有它任何人都无法打开这些数据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="68"/>
        <source>New PIN or passphrase:</source>
        <translation>新的 PIN 码或密码短语：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="69"/>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="85"/>
        <source>The same again:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="72"/>
        <source>PIN or passphrase:</source>
        <translation>PIN 码或密码短语：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="81"/>
        <source>The new office database %1 is to be encrypted. Choose its passphrase: it is asked every time the database is opened, and nobody can open the database or its backups without it.</source>
        <translation>新的公司端数据库 %1 将被加密。请设置密码短语：每次打开数据库时都需要输入，没有它，任何人都无法打开数据库或其备份。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="84"/>
        <source>New passphrase:</source>
        <translation>新的密码短语：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="87"/>
        <source>The office database %1 is encrypted. Type its passphrase to open it.</source>
        <translation>公司端数据库 %1 已加密。请输入密码短语以打开。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="89"/>
        <source>Passphrase:</source>
        <translation>密码短语：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="98"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation>输入错误次数过多。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="106"/>
        <source>The two entries are not the same.</source>
        <translation>两次输入的内容不一致。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="124"/>
        <source>Without its PIN this profile cannot be opened by anyone, not even by the office: that is what protects the customers&apos; data on a lost laptop.</source>
        <translation>没有 PIN 码，任何人都无法打开此用户数据，公司也不例外：正是这一点在电脑丢失时保护了客户的资料。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="126"/>
        <source>Ask your supervisor to enroll this laptop again; the office then sends a fresh assignment pack and you start on a new profile.</source>
        <translation>请主管为本机重新注册；之后公司会发送新的分配数据包，您将使用新的用户数据开始工作。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="128"/>
        <source>Forgotten PIN</source>
        <translation>忘记 PIN 码</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="137"/>
        <source>Work the office has already received is safe. Visits, documents and payments recorded here and not yet sent are lost. How many there are cannot be shown without the PIN either: if you remember the last time you sent your day, everything after it is what would be lost.</source>
        <translation>公司已收到的工作内容不会丢失。在本机记录但尚未发送的拜访、文件和收款将会丢失。没有 PIN 码，也无法显示这些内容有多少：如果您记得上次发送每日数据的时间，那么此后记录的所有内容都会丢失。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="144"/>
        <source>When the window was last locked or closed (%1), everything recorded here had been sent to the office: that work is safe. Only what was recorded after that and not sent would be lost.</source>
        <translation>上次锁定或关闭窗口时（%1），在本机记录的所有内容均已发送给公司：这些工作内容不会丢失。只有此后记录且未发送的内容才会丢失。</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unlock_dialog.py" line="148"/>
        <source>When the window was last locked or closed (%1), %n records had not been sent to the office. They exist only on this laptop: with a forgotten PIN they are lost, unless they were sent since. Work the office has received is safe.</source>
        <translation>
            <numerusform>上次锁定或关闭窗口时（%1），有 %n 条记录尚未发送给公司。这些记录只存在于本机：忘记 PIN 码就会丢失，除非之后已经发送。公司已收到的工作内容不会丢失。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentModel</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="19"/>
        <source>Amendment</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="21"/>
        <source>Corrected details</source>
        <translation>资料更正</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="35"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="36"/>
        <source>Kind</source>
        <translation>类型</translation>
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
        <translation>未发送的工作内容</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="154"/>
        <source>Sync before closing to keep them safe with the office.</source>
        <translation>关闭前请先同步，以便将这些内容安全地保存到公司。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="155"/>
        <source>&amp;Close anyway</source>
        <translation>仍然关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="156"/>
        <source>&amp;Keep the window open</source>
        <translation>保持窗口打开(&amp;K)</translation>
    </message>
</context>
<context>
    <name>UnsentWork</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unsent_view.py" line="27"/>
        <source>These %n records exist only on this laptop until they are sent to the office. If the PIN is forgotten, they are lost.</source>
        <translation>
            <numerusform>这 %n 条记录在发送给公司之前只存在于本机。如果忘记 PIN 码，它们将会丢失。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDocumentsBar</name>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="115"/>
        <source>Pending: %1</source>
        <translation>待生成：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="119"/>
        <source>Not made yet: finalizing was interrupted or the document failed. The visit itself is finalized.</source>
        <translation>尚未生成：完成过程中断或文件生成失败。拜访本身已完成。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="150"/>
        <source>Plan %1</source>
        <translation>分期付款计划 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="171"/>
        <source>Open &amp;record</source>
        <translation>打开记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="172"/>
        <source>The signed visit record (PDF)</source>
        <translation>已签名的拜访记录（PDF）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="173"/>
        <source>Open a&amp;greement</source>
        <translation>打开协议书(&amp;G)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="174"/>
        <source>Open recei&amp;pt</source>
        <translation>打开收据(&amp;P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="175"/>
        <source>Agreement for &amp;wet signature…</source>
        <translation>亲笔签名用协议书(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="176"/>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="177"/>
        <source>Make the pending documents of this visit now</source>
        <translation>立即生成此拜访待生成的文件</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="178"/>
        <source>A fresh copy of the installment agreement with empty boxes, to print and sign in ink</source>
        <translation>重新生成一份签名栏空白的分期付款协议书，供打印后亲笔签名</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="38"/>
        <source>Receipt %1 voided by the office: %2</source>
        <translation>收款收据 %1 已被公司作废：%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="42"/>
        <source>Documents pending</source>
        <translation>文件待生成</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="44"/>
        <source>Amendment: %1</source>
        <translation>修订：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="47"/>
        <source>Amended</source>
        <translation>已修订</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="61"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="63"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="64"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="65"/>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="67"/>
        <source>Record</source>
        <translation>记录</translation>
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
            <numerusform>%n 条评论</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="144"/>
        <location filename="../fieldapp/ui/visit/window.py" line="256"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="167"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="216"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="224"/>
        <source>Not saved: the disk is full. The draft is kept in this window and saved as soon as space is freed.</source>
        <translation>未保存：磁盘已满。草稿仍保留在此窗口中，一旦释放空间便会立即保存。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="227"/>
        <source>Not saved, retrying: %1</source>
        <translation>未保存，正在重试：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Visit — %1</source>
        <translation>拜访 — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Call — %1</source>
        <translation>电话催收 — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="271"/>
        <source>Amendment of an earlier record. Reason: %1</source>
        <translation>此为先前记录的修订。原因：%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Visit</source>
        <translation>拜访(&amp;V)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Call</source>
        <translation>电话(&amp;C)</translation>
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
        <translation>完成并锁定…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="279"/>
        <source>Check everything and freeze the record (Ctrl+Enter)</source>
        <translation>检查全部内容并锁定记录（Ctrl+Enter）</translation>
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
        <translation>继续（下一步或完成）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="283"/>
        <source>Discard this draft…</source>
        <translation>删除此草稿…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="284"/>
        <source>Close (keeps the draft)</source>
        <translation>关闭（保留草稿）</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="155"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="158"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="160"/>
        <source>From the office</source>
        <translation>公司的备注</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="169"/>
        <source>Amendment of the record of %1. Reason: %2</source>
        <translation>此为 %1 记录的修订。原因：%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="173"/>
        <source>Corrected by a later amendment; kept unchanged as evidence.</source>
        <translation>已由后续修订更正；原记录保持不变，留作证据。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="174"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="190"/>
        <source>No visits recorded yet</source>
        <translation>暂无拜访记录</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="191"/>
        <source>&amp;Amend…</source>
        <translation>修订(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="192"/>
        <source>Correct this record: a new record with a reason; the original stays as it was</source>
        <translation>更正此记录：另建一份注明原因的新记录，原记录保持不变</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="253"/>
        <source>Void receipt</source>
        <translation>作废收款收据</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="255"/>
        <source>Void receipt %1: %2 taken from %3 on %4? It will no longer count anywhere, and the collector&apos;s laptop learns of it with the next pack. Say why:</source>
        <translation>要作废收款收据 %1 吗？该收据为 %4 向 %3 收取的 %2。作废后，它将不再计入任何地方，催收员的电脑会随下一个分配数据包得知此事。请说明原因：</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="259"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="260"/>
        <source>Void</source>
        <translation>作废</translation>
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
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="20"/>
        <source>More than the open balance of {balance}.</source>
        <translation>超过未付余额 {balance}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="21"/>
        <source>This date is in the past: agree on a specific day from today on.</source>
        <translation>此日期已过：请约定今天或之后的具体日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="22"/>
        <source>More than {days} days ahead: agree on an earlier date.</source>
        <translation>距今超过 {days} 天：请约定更早的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="23"/>
        <source>Pick a day after today.</source>
        <translation>请选择今天之后的日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="24"/>
        <source>Allocated {allocated} but received {amount}.</source>
        <translation>已核销 {allocated}，但实收金额为 {amount}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="25"/>
        <source>More than the open balance of invoice {invoice}.</source>
        <translation>超过发票 {invoice} 的未付余额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="26"/>
        <source>Give the transfer or cheque reference.</source>
        <translation>请填写转账流水号或支票号码。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="27"/>
        <source>A post-dated cheque needs the date written on it, after today.</source>
        <translation>远期支票须填写票面日期，且须晚于今天。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="28"/>
        <source>The installments add up to {sum}, not the agreed {total}.</source>
        <translation>各期金额合计为 {sum}，与协议总额 {total} 不符。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="29"/>
        <source>Each installment must fall after the previous one.</source>
        <translation>每一期的日期必须晚于上一期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="30"/>
        <source>The down payment must be less than the agreed total.</source>
        <translation>首付款必须少于协议总额。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="31"/>
        <source>The discount must be between 0 and {max} %.</source>
        <translation>折扣必须在 0 到 {max} % 之间。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="32"/>
        <source>Say until when the early-payment discount applies.</source>
        <translation>请填写提前付款折扣的截止日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="33"/>
        <source>Pick at least one invoice.</source>
        <translation>请至少选择一张发票。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="34"/>
        <source>The signature is too small; clear it and sign again.</source>
        <translation>签名太小，请清除后重新签名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="35"/>
        <source>Not a date that exists: pick the day from the calendar.</source>
        <translation>此日期不存在：请从日历中选择日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="36"/>
        <source>Signature required: sign in the box.</source>
        <translation>需要签名：请在框内签名。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="37"/>
        <source>Add a photo of the closed premises.</source>
        <translation>请添加店铺关闭的照片。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="38"/>
        <source>The customer was absent: say what you found, add a photo and the revisit date.</source>
        <translation>客户不在：请说明现场情况，添加照片并填写再访日期。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="39"/>
        <source>Nobody to meet? Tick &quot;Customer absent&quot; at Meet first.</source>
        <translation>无人可会面？请先在“会面”步骤勾选“客户不在”。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="40"/>
        <source>Nobody was met, so nobody refused: remove the refusal or untick &quot;Customer absent&quot; at Meet.</source>
        <translation>未与任何人会面，就不会有人拒绝付款：请移除拒绝付款，或在“会面”步骤取消勾选“客户不在”。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="41"/>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation>太长：{length} 个字符，最多 {max} 个。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="42"/>
        <source>Money received, promises and installments come to {committed}, more than the {balance} owed: confirm why.</source>
        <translation>当场收款、承诺与分期合计 {committed}，超过未付余额 {balance}：请确认原因。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="45"/>
        <source>Not an amount: type digits, e.g. {example}.</source>
        <translation>不是有效的金额：请输入数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="46"/>
        <source>Add at least one outcome.</source>
        <translation>请至少添加一项结果。</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="47"/>
        <source>The signer&apos;s printed name is required.</source>
        <translation>请填写签名人的正楷姓名。</translation>
    </message>
</context>
</TS>
