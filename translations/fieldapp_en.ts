<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AbsenceCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="97"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="98"/>
        <source>Revisit on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="100"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsentNext</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="44"/>
        <source>Nobody to meet: Listen and the customer&apos;s signature are skipped. Under Resolve, say what you found, add a photo of the premises and the day you come back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="57"/>
        <source>Open invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="61"/>
        <source>Last payment: %1, %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="66"/>
        <source>No payments recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgingModel</name>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="41"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="43"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="45"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgingStrip</name>
    <message>
        <location filename="../fieldapp/ui/views/aging_strip.py" line="50"/>
        <source>Nothing open: every invoice is paid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignButtons</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="61"/>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="62"/>
        <source>Give the customers picked in the list to a collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="67"/>
        <source>Assign all %n matching…</source>
        <translation>
            <numerusform>Assign the %n matching…</numerusform>
            <numerusform>Assign all %n matching…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="69"/>
        <source>Give every customer the search and filters keep to a collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="71"/>
        <source>Assign all matching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="73"/>
        <source>Narrow the list with the search or the filters first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="64"/>
        <source>Assign customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="65"/>
        <source>Collector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="66"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="68"/>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="88"/>
        <source>No collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="103"/>
        <source>Counting the customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="107"/>
        <source>No customers match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="112"/>
        <source>Take all %n matching customers away from their collectors?</source>
        <translation>
            <numerusform>Take the %n matching customer away from its collector?</numerusform>
            <numerusform>Take all %n matching customers away from their collectors?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="115"/>
        <source>Assign all %n matching customers to %1?</source>
        <translation>
            <numerusform>Assign the %n matching customer to %1?</numerusform>
            <numerusform>Assign all %n matching customers to %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="120"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignedCustomersModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="73"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="74"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="75"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="76"/>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="78"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentHistoryDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="49"/>
        <source>Assignment history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="50"/>
        <source>Assignments, newest first. Undo gives the customers of the selected assignment back their previous collectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="52"/>
        <source>Undo this assignment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentLogModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="18"/>
        <source>No collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="130"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="132"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="133"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="135"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="136"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="137"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="138"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTab</name>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="58"/>
        <source>Financial situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="59"/>
        <source>Personality &amp; communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Cooperating since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BalanceRefresh</name>
    <message>
        <location filename="../fieldapp/ui/visit/balances.py" line="36"/>
        <source>Another record took money from this customer: open balances are updated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="73"/>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="80"/>
        <source>Printing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="86"/>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="88"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="96"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="97"/>
        <source>The PDF could not be saved to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="106"/>
        <source>%1 pages · %2 documents for %3 customers · signed by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="109"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="110"/>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="111"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="107"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="108"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="109"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="111"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="113"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="119"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="121"/>
        <source>Undoes an earlier assignment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundleDrop</name>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="38"/>
        <source>Not day bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="39"/>
        <source>Only day bundles from the laptops (.zip files, or folders of them) can be dropped here. These were not imported:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="22"/>
        <source>Change PIN or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="27"/>
        <source>Current PIN or passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="28"/>
        <source>New PIN or passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="29"/>
        <source>The same again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="43"/>
        <source>The two new entries are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollectorDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="66"/>
        <source>Add a collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="67"/>
        <source>Change a collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="69"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="71"/>
        <source>Active: customers can be assigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollectorsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="13"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="14"/>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="24"/>
        <source>No laptop enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="28"/>
        <source>{device}: enrolled {day}, revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="31"/>
        <source>{device}: enrolled {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="43"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="44"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="45"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="47"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="49"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="51"/>
        <source>Open follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="53"/>
        <source>Laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="56"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollectorsView</name>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Add collector…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="70"/>
        <source>Assign customers without a collector…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="71"/>
        <source>Move selected customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="72"/>
        <source>Assignment history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="94"/>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="95"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="102"/>
        <source>Choose a collector to see their customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/collectors_view.py" line="104"/>
        <source>%n customers of %1</source>
        <translation>
            <numerusform>%n customer of %1</numerusform>
            <numerusform>%n customers of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="57"/>
        <source>No unfinished visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="124"/>
        <source>Amend a finalized record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="125"/>
        <source>The record stays as it was signed. The correction is a new record that refers to it. Why is it corrected?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="92"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="92"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="94"/>
        <source>New contact&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="136"/>
        <source>Conflicts waiting for a decision: %1, the oldest first. Nothing was overwritten: each shows the value both sides started from, the office&apos;s and the laptop&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="139"/>
        <source>No conflicts: every change from the laptops was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Office&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Laptop&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="145"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="146"/>
        <source>Keep the &amp;office&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="147"/>
        <source>Take the &amp;laptop&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="148"/>
        <source>or type the right value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="149"/>
        <source>&amp;Use this value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactField</name>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="33"/>
        <source>Choose a contact or type a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="62"/>
        <source>Authority to pay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="32"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="33"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="34"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="35"/>
        <source>Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="36"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="37"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="46"/>
        <source>Authority to pay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="54"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="55"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="57"/>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="59"/>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="61"/>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="63"/>
        <source>Early-payment discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="70"/>
        <source>Net %n days</source>
        <translation>
            <numerusform>Net %n day</numerusform>
            <numerusform>Net %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="75"/>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="76"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="83"/>
        <source>within %n days</source>
        <translation>
            <numerusform>within %n day</numerusform>
            <numerusform>within %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="45"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="47"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="49"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="51"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="55"/>
        <source>Days late</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Tax code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="89"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="16"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="18"/>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="20"/>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="22"/>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="24"/>
        <source>tax code or several fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="45"/>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="152"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="154"/>
        <source>More than %n customers match “%1”</source>
        <translation>
            <numerusform>More than %n customer matches “%1”</numerusform>
            <numerusform>More than %n customers match “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="157"/>
        <source>%n customers match “%1”</source>
        <translation>
            <numerusform>%n customer matches “%1”</numerusform>
            <numerusform>%n customers match “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="160"/>
        <source>Customers matching “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="162"/>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="164"/>
        <source>No customer matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="213"/>
        <source>Search name, code, tax code, phone, contact…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="101"/>
        <source>Pick a customer in the list to see their file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="104"/>
        <source>Collector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="106"/>
        <source>Collector: nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="115"/>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="75"/>
        <source>Add a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="76"/>
        <source>Name, code or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="77"/>
        <source>Add to the route</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="211"/>
        <source>Pick a customer from today&apos;s route or search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="212"/>
        <source>Correct &amp;details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="214"/>
        <source>Correct the address, a contact&apos;s phone or add a contact; the office gets the change with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="82"/>
        <source>Money collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="89"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="91"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Partially kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="97"/>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="134"/>
        <source>Money collected per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Visits and calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="136"/>
        <source>Aging over time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="120"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="218"/>
        <source>All collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="123"/>
        <source>Customers not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="160"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="181"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="189"/>
        <source>Export the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="182"/>
        <source>Workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="212"/>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="193"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="200"/>
        <source>Export the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="194"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>&amp;Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>C&amp;urrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="208"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="209"/>
        <source>Export table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="210"/>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../fieldapp/ui/date_edit.py" line="90"/>
        <source>Type a date like %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../fieldapp/ui/visit/typed_fields.py" line="25"/>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayAgreementsDialog</name>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="168"/>
        <source>%1 of %2 ticked (Space ticks or unticks the selected one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="170"/>
        <source>No agreements were made on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="199"/>
        <source>Reading the agreements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="216"/>
        <source>Print the agreements of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="218"/>
        <source>Printing the agreements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="225"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="230"/>
        <source>Not printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="233"/>
        <source>Print agreements of a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="234"/>
        <source>Agreements made on &amp;day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="235"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="236"/>
        <source>All ticked agreements in one print job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="238"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveriesTab</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/file_tabs.py" line="118"/>
        <source>%n deliveries don&apos;t match the contract — check them before talking about money</source>
        <translation>
            <numerusform>%n delivery doesn&apos;t match the contract — check it before talking about money</numerusform>
            <numerusform>%n deliveries don&apos;t match the contract — check them before talking about money</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="129"/>
        <source>ordered %1, delivered %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="95"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="96"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="98"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="99"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="101"/>
        <source>Delivered qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="104"/>
        <source>Discrepancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="106"/>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="123"/>
        <source>%1, confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="125"/>
        <source>%1, not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="145"/>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="146"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="147"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="149"/>
        <source>%1 behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="150"/>
        <source>%1 ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="156"/>
        <source>This laptop&apos;s clock seems off by more than 10 minutes: the times of its visits and promises are off by as much. Ask the collector to set the clock (a bundle that took long to arrive also makes a clock look behind).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="161"/>
        <source>The time between the laptop writing its last bundle, by its own clock, and the office receiving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="167"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="172"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="172"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="178"/>
        <source>Waiting for an earlier bundle from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="206"/>
        <source>Discard bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="207"/>
        <source>Discard the bundle %1? Its records will not be imported; the laptop can send them again only if it still has them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Import day bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Day bundles (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="232"/>
        <source>Importing day bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="238"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4

Acknowledgements for the laptops are written at the next sync with the sync folder (Sync › Import arrived bundles), or by the command fieldapp office import-bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="246"/>
        <source>Day bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="251"/>
        <source>Enrolled laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="252"/>
        <source>Bundles received (the selected laptop&apos;s, or all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Last bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="257"/>
        <source>Last ack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="259"/>
        <source>No laptop is enrolled yet. To enroll one: on the laptop choose Sync › Enroll this laptop… (or run fieldapp enroll request --out FILE) and bring the request here; sign it for its collector with fieldapp office enroll FILE --collector NAME --out ANSWER; then install the answer on the laptop (Sync › Enroll this laptop…, or fieldapp enroll install ANSWER). Its bundles and health show here from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="267"/>
        <source>All laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="268"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="269"/>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="24"/>
        <source>Customer&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="27"/>
        <source>Invoices concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="28"/>
        <source>What the customer says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="31"/>
        <source>Customer&apos;s proposed resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="32"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="36"/>
        <source>Escalate by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="59"/>
        <source>already disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="63"/>
        <source>%1 — the supervisor must have it within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentInfoPanel</name>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="78"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="79"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="80"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="81"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="83"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="84"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="87"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="92"/>
        <source>DEVELOPMENT certificate — not valid as evidence.
Signed with this laptop&apos;s development key, not with a certificate issued by the company.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="44"/>
        <source>Opening the visit record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="50"/>
        <source>Making the statement of account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="60"/>
        <source>Making the agreement for signing in ink…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="30"/>
        <source>%1 (development)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="37"/>
        <source>Signed with a development certificate: not valid as evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="45"/>
        <source>%1 — replaced by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="52"/>
        <source>An amendment replaced this document with %1; it is kept unchanged as evidence and can still be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="66"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="68"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="70"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="72"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="74"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="131"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="137"/>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="145"/>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="152"/>
        <source>Printing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/viewer.py" line="157"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="164"/>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="165"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="173"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="174"/>
        <source>The copy could not be saved to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="178"/>
        <source>Saved a copy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="195"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="196"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="197"/>
        <source>Print through the system print dialog (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="198"/>
        <source>&amp;Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="199"/>
        <source>Save the signed PDF, unchanged (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="200"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="201"/>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="202"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="203"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="204"/>
        <source>&amp;Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="205"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="206"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="207"/>
        <source>Close the viewer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="80"/>
        <source>No documents yet. Finalized visits get a signed record; a statement of account can be made at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="82"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="83"/>
        <source>Open the selected document (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="23"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="24"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="25"/>
        <source>Last saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EarlierOutcomesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="177"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="179"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="181"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="184"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="19"/>
        <source>This database was written by a newer version of fieldapp (schema {version}; this one knows up to {latest}). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="22"/>
        <source>Upgrading the database to schema {step} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="24"/>
        <source>Upgrading the database to schema {step} failed: {reason}. The database as it was before is saved as {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="27"/>
        <source>The database {database} is damaged and cannot be read. It was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="29"/>
        <source>{database} is a folder where the database file should be. Move the folder away or choose another profile folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="32"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only. fieldapp keeps its database there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="35"/>
        <source>The database {database} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="37"/>
        <source>The disk holding {database} is full, so the last change was not written. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="40"/>
        <source>The backup {backup} could not be restored: {reason}. The damaged database was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="43"/>
        <source>This customer is no longer in the portfolio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="45"/>
        <source>This visit no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="46"/>
        <source>This document no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="47"/>
        <source>This attachment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="48"/>
        <source>This visit is final: record a correction as an amendment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="50"/>
        <source>This visit is final and cannot be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="52"/>
        <source>This visit was already finalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="53"/>
        <source>Only unfinished visits are saved; a final visit is corrected by an amendment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="55"/>
        <source>The documents of a visit are made once it is finalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="57"/>
        <source>The visit cannot be finalized yet: some steps still have problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="59"/>
        <source>This visit was recorded by a newer version of fieldapp; install it to open the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="62"/>
        <source>Say why the visit is amended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="63"/>
        <source>Only a final visit can be amended; finish the unfinished one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="65"/>
        <source>Receipt {receipts} was already issued: only the office can void a receipt, an amendment cannot remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="68"/>
        <source>This visit has no installment plan {index}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="70"/>
        <source>The document could not be read: the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="72"/>
        <source>Document {number} could not be made. The visit is finalized and its money recorded; the document waits as pending: press Retry under the visit. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="76"/>
        <source>The stored record of this visit was changed outside fieldapp: it no longer matches its fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="79"/>
        <source>The checklist “{kind}” is missing from this installation; reinstall fieldapp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="81"/>
        <source>A checklist was written for a newer version of fieldapp; install the newer version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="84"/>
        <source>{path} is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="85"/>
        <source>{name} cannot be attached: attach files from 1 byte to 20 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="87"/>
        <source>The profile folder {folder} cannot be created: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="89"/>
        <source>The profile folder was given as an empty name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="91"/>
        <source>{folder} is a file, not a folder: choose a folder for the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="93"/>
        <source>fieldapp is already running with the profile {folder}. Use that window: two programs on one profile would overwrite each other&apos;s drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="96"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="98"/>
        <source>There is no display to show the window on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="100"/>
        <source>There is no profile folder to keep this device&apos;s signing keys in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="102"/>
        <source>This laptop&apos;s signing key in {path} is damaged, so nothing was signed. Move the file away to have a new key made; documents signed before stay valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="105"/>
        <source>The certificate in {path} does not belong to this laptop&apos;s signing key, so nothing was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="108"/>
        <source>The signing key file {path} has no whole certificate, so nothing was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="110"/>
        <source>The company certificate in {path} is damaged, so nothing was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="112"/>
        <source>“{value}” is not one of the values this setting allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="114"/>
        <source>“{zone}” is not a time zone: use a name like Asia/Taipei or an offset like +07:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="117"/>
        <source>The currency {currency} is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="119"/>
        <source>Amounts in {first} and {second} cannot be added together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="121"/>
        <source>“{text}” is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="122"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="124"/>
        <source>“{text}” is too large: one amount can be at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="126"/>
        <source>An installment plan needs at least one installment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="128"/>
        <source>The demo portfolio needs at least one customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="130"/>
        <source>Demo data can only be generated into an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="132"/>
        <source>The database already holds {count} customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="10"/>
        <source>The file cannot be read as a receivables export. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="12"/>
        <source>The file has {count} problems that concern all of it (totals that do not add up, dates that read two ways, lost letters). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="15"/>
        <source>This is a summary with one balance per customer and no invoices, so it is not imported as invoices. It can be loaded as opening balances on a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="18"/>
        <source>{count} rows have problems. Nothing was imported. Fix them, or import the other rows and skip these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="21"/>
        <source>The file holds no invoices. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="23"/>
        <source>There is no source called {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="24"/>
        <source>&quot;{name}&quot; cannot name a source: use 1 to {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="27"/>
        <source>There is no collector “{collector}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="28"/>
        <source>There is no customer with the code “{customer_code}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="30"/>
        <source>Customer {customer} is not assigned to this collector: assign it first or leave it off the route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="33"/>
        <source>Customer {customer} is on the route twice (again at stop {stop}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="35"/>
        <source>{count} stops are more than a day holds (at most {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="37"/>
        <source>“{text}” is not a time of day: type it as HH:MM, for example 08:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="40"/>
        <source>{bucket} is not an aging bucket; choose current, 1–30, 31–60, 61–90 or 90+.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="42"/>
        <source>A collector needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="43"/>
        <source>A collector&apos;s name has at most {max} characters, not {length}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="45"/>
        <source>A collector&apos;s phone has at most {max} characters, not {length}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="47"/>
        <source>{language} is not a language a collector can use; choose one of {languages}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="49"/>
        <source>There is no collector {collector}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="50"/>
        <source>There is already a collector named {name}; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="52"/>
        <source>{name} has {count} customers and cannot be deleted. Deactivate the collector instead, or move the customers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="55"/>
        <source>{name} appears in the assignment history or on routes and cannot be deleted. Deactivate the collector instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="58"/>
        <source>{name} is not active. Activate the collector before assigning customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="60"/>
        <source>No customer has the code {codes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="61"/>
        <source>Choose the customers or a filter, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="63"/>
        <source>The matching customers changed since they were counted ({expected} then, {now} now). Nothing was assigned; check the list and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="66"/>
        <source>This assignment cannot be found any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="68"/>
        <source>This assignment was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="70"/>
        <source>This assignment cannot be undone: {count} of its customers changed collector since ({customers}). Nothing was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="74"/>
        <source>The office database already holds {count} customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="76"/>
        <source>The office database {database} lacks the pg_trgm extension that customer search needs, and this account may not install it. The database owner has to run CREATE EXTENSION pg_trgm in it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="80"/>
        <source>{url} is not a database address this program can use. Write it as postgresql+psycopg://user:password@host:5432/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="83"/>
        <source>The database server {server} cannot be reached. Check the address and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="86"/>
        <source>The database server {server} refused the user {user}. Check the user name and the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="89"/>
        <source>The database server {server} has no database named {database}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="91"/>
        <source>The database server {server} refused the connection: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="93"/>
        <source>The demo opens a throwaway office of its own and never uses the database {url}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="10"/>
        <source>This laptop&apos;s company certificate expired on {until}, so nothing was signed. Ask the office to enroll it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="13"/>
        <source>This file is not a fieldapp bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="15"/>
        <source>The bundle is too large to be read safely: {size} bytes where at most {limit} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="18"/>
        <source>The bundle member {member} would inflate far more than a real file does, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="21"/>
        <source>The bundle holds a member with a name that is not allowed: {member}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="23"/>
        <source>The bundle holds the member {member} twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="25"/>
        <source>The bundle holds a member its list does not name: {member}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="27"/>
        <source>The bundle lacks the member {member} that its list names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="29"/>
        <source>The bundle member {member} was changed after the bundle was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="31"/>
        <source>The bundle&apos;s signature does not verify: it was changed or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="33"/>
        <source>The bundle was signed by {signer}, whose certificate the company did not issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="36"/>
        <source>The certificate of {signer} is not valid now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="38"/>
        <source>The bundle was signed by {signer}, a laptop the office revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="40"/>
        <source>The bundle was made by a newer fieldapp (format {format}; this one reads up to {known}). Install the newer version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="43"/>
        <source>The bundle&apos;s list of contents is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="45"/>
        <source>The bundle says it comes from another laptop than the one that signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="47"/>
        <source>This is not the kind of bundle expected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="49"/>
        <source>{file} is not a certificate request from fieldapp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="51"/>
        <source>The office already has a company CA; it is never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="53"/>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="55"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="57"/>
        <source>The company CA&apos;s passphrase is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="59"/>
        <source>The office has no company CA yet: create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="61"/>
        <source>The office key file {path} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="63"/>
        <source>The passphrase does not open the company CA&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="65"/>
        <source>{file} is not a valid enrollment answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="67"/>
        <source>This enrollment answer is for another laptop; nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="69"/>
        <source>This laptop is enrolled with another company ({company}); nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="72"/>
        <source>There is no collector named {collector}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="74"/>
        <source>This laptop was revoked and cannot be enrolled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="76"/>
        <source>This laptop is enrolled with another key; revoke it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="78"/>
        <source>There is no enrolled laptop {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="80"/>
        <source>{device} matches {count} laptops; give more of the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="97"/>
        <source>“{field}” is not a field of a column mapping. The fields are: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="99"/>
        <source>The column of {field} has no name: give its header as the file has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="101"/>
        <source>Choose the column of the customer code or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="103"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="106"/>
        <source>The column “{header}” is chosen for two fields: choose each column once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="108"/>
        <source>“{dates}” is not a date order. Use one of: {orders}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="110"/>
        <source>The decimal mark “{decimal}” and the group mark “{group}” cannot be read together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="113"/>
        <source>The header line is counted from 1, not {line}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="83"/>
        <source>{collector} has no enrolled laptop; enroll one before making a pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="85"/>
        <source>The assignment pack is damaged and was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="87"/>
        <source>This assignment pack is for another laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="89"/>
        <source>This assignment pack is not newer than the one already applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="91"/>
        <source>This assignment pack expired on {expired}; ask the office for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="93"/>
        <source>This laptop is not enrolled with the office yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="96"/>
        <source>This acknowledgement is for another laptop. Nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="98"/>
        <source>This acknowledgement covers more than this laptop has sent. Nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="101"/>
        <source>The records in this bundle cannot be imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="103"/>
        <source>This laptop sent two different bundles with the same number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="105"/>
        <source>This laptop is not enrolled with this office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="107"/>
        <source>There is no bundle file in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="116"/>
        <source>This bundle is no longer waiting: it was imported or discarded meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="119"/>
        <source>The sync folder {folder} cannot be found (a drive not connected, or the folder moved?). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="123"/>
        <source>Type the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="124"/>
        <source>The phone number is too long: at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="126"/>
        <source>This is not a phone number: use digits (at least 6), spaces and + - ( ) . / only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="129"/>
        <source>Type the contact&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="130"/>
        <source>The name is too long: at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="132"/>
        <source>Type the address line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="133"/>
        <source>The address is too long: at most {max} characters per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="135"/>
        <source>This detail cannot be changed on a laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="137"/>
        <source>This customer is no longer on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="139"/>
        <source>This contact is no longer on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="141"/>
        <source>The customer already has a contact called {name}: change that one&apos;s phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="143"/>
        <source>Choose the office&apos;s value, the laptop&apos;s value or type one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="145"/>
        <source>Type the value to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="146"/>
        <source>This conflict no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="147"/>
        <source>This conflict was already resolved, perhaps by another supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="149"/>
        <source>The customer is no longer in the office&apos;s records: keep the office&apos;s value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="152"/>
        <source>This assignment pack holds changes to a version this laptop does not hold. Nothing was changed; ask the office for a full pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="110"/>
        <source>No sync folder is set. Choose one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="112"/>
        <source>The sync folder {path} is not there. Connect the drive or plug in the USB stick, then sync again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="115"/>
        <source>The sync folder {path} cannot be read or written: {reason}. What was done is kept; the next sync does the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="118"/>
        <source>The file {file} in the sync folder cannot be read: {reason}. It was left there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="156"/>
        <source>The period ends on {last}, before it starts on {first}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="158"/>
        <source>The period from {first} to {last} is longer than {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="160"/>
        <source>There is no collector named “{collector}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="122"/>
        <source>This passphrase or PIN is not the right one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="124"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="126"/>
        <source>The key file of this profile cannot be read ({path}): the profile cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="129"/>
        <source>The key file of this profile is missing ({path}). The database is not damaged, but it is encrypted and cannot be opened without its key file, not even with the right PIN. Put back the copy of the key file from where it was copied, next to the database, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="134"/>
        <source>The passphrase or PIN must have at least {least} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="136"/>
        <source>The profile could not be encrypted ({reason}). It was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="138"/>
        <source>This profile is encrypted and no passphrase was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="140"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="163"/>
        <source>This is not a review state: choose approved, has issues or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="165"/>
        <source>Say why the record is rejected: a reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="167"/>
        <source>Write the comment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="168"/>
        <source>The text is too long ({length} characters; at most {max}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="170"/>
        <source>{expected} records matched when you confirmed, {found} match now. Nothing was changed; look at the list again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="173"/>
        <source>The comment to correct is not a comment on this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="175"/>
        <source>No imported record has the id {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="177"/>
        <source>Several imported records start with {id}; type more of the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="180"/>
        <source>The database server {server} accepts encrypted connections only. Ask the administrator for the connection address with the certificate settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="183"/>
        <source>The database server {server} could not be verified: its certificate is not the one the office expects. Nothing was sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="186"/>
        <source>The account {user} may not prepare the database {database} on {server} for this version. The administrator opens it once with the owner&apos;s account first. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="191"/>
        <source>This is not the passphrase of the office database {database}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="194"/>
        <source>The key file of the encrypted office database {database} is missing ({path}): the database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="197"/>
        <source>The key file of the office database {database} cannot be read: the database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="200"/>
        <source>The office database {database} could not be encrypted ({reason}). It was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="203"/>
        <source>The office database {database} is encrypted and no passphrase was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="205"/>
        <source>The office database {path} already exists and is not encrypted. Encrypt it with the command &quot;fieldapp office encrypt&quot;, which makes a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="208"/>
        <source>The office database {path} is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="210"/>
        <source>The office database {path} is already encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="212"/>
        <source>The two new passphrases are not the same. The old one still opens the office database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="215"/>
        <source>The office database {path} is open in another fieldapp window or command. Close it first. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="218"/>
        <source>The office database at {url} is on a PostgreSQL server: only an office database file can be encrypted here. A server is protected by its accounts and encrypted connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="223"/>
        <source>No installment agreement was recorded on {day}. There is nothing to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="225"/>
        <source>No installment agreement was recorded on {day} for the customers on the route of {collector}. There is nothing to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="228"/>
        <source>{collector} has no route on {day}, so there are no customers to print for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="230"/>
        <source>No customer of {collector} has an open invoice. There is no statement to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="233"/>
        <source>Choose the customers first: a collector, a route or customer codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="236"/>
        <source>{state} is not a receipt state; use {states}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="238"/>
        <source>Say why the receipt is voided: a reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="240"/>
        <source>The reason is too long ({length} characters; at most {max}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="242"/>
        <source>{expected} receipts were pending when you confirmed, {found} are now. Nothing was changed; look at the list again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="245"/>
        <source>Choose at least one receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="246"/>
        <source>There is no receipt {receipt}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="247"/>
        <source>Receipt {receipt} was already confirmed, matched or voided; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="249"/>
        <source>The period&apos;s first day {text} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="251"/>
        <source>The period&apos;s last day {text} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="253"/>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="255"/>
        <source>{kind} is not a kind of export; use {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="257"/>
        <source>Choose at least one kind of record to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="259"/>
        <source>{format} is not an export format; use {formats}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="261"/>
        <source>{path} is a folder; name the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="263"/>
        <source>{path} cannot be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="266"/>
        <source>There is no queue called {queue}. The queues are: {queues}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="268"/>
        <source>Name the person who will resolve the dispute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="270"/>
        <source>Write the root cause you found before resolving the dispute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="272"/>
        <source>No open dispute has the id {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="273"/>
        <source>Several disputes start with {id}; type more of the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="275"/>
        <source>This dispute was already resolved ({at}), perhaps by another supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="277"/>
        <source>This is not a refusal heading for the legal route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="143"/>
        <source>The key file {path} does not belong to this database: the PIN opens it, but its key opens neither the database nor any of its backups. Put back the database&apos;s own key file from where it was copied, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="139"/>
        <source>Something went wrong (error {code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="140"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="141"/>
        <source>A file could not be read or written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="39"/>
        <source>Attach photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="40"/>
        <source>Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="54"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="55"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="101"/>
        <source>Nothing attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="108"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="109"/>
        <source>Remove this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>Workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="82"/>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="119"/>
        <source>Export to accounting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="103"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/export_dialog.py" line="108"/>
        <source>%n row(s) written</source>
        <translation>
            <numerusform>%n row written</numerusform>
            <numerusform>%n rows written</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="110"/>
        <source>Nothing new: every record of the period was exported before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="122"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="124"/>
        <source>Confirmed money taken on site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="125"/>
        <source>Promises to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="126"/>
        <source>Installment lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="129"/>
        <source>CSV (one file per kind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="130"/>
        <source>Excel workbook (one sheet per kind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="132"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="133"/>
        <source>Include records exported before (marked with their first export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="135"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="43"/>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="78"/>
        <source>Choose the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="44"/>
        <source>The receivables as the accounting program exports them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="46"/>
        <source>Choose a CSV or Excel file exported from the accounting program: an open-items list, an aging report or a customer ledger. You can also drop the file on this page. Nothing is written before the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="49"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="50"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="67"/>
        <source>This is a folder: choose a file in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="69"/>
        <source>There is no such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="79"/>
        <source>Exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileTabs</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="39"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="76"/>
        <source>No contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="45"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="79"/>
        <source>No contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="42"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="82"/>
        <source>No payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="54"/>
        <source>No invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="101"/>
        <source>No deliveries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="20"/>
        <source>Not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="21"/>
        <source>1–30 days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="22"/>
        <source>31–60 days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="23"/>
        <source>61–90 days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="24"/>
        <source>Over 90 days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="111"/>
        <source>Not an amount: type digits, e.g. 5,000,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="133"/>
        <source>All collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="134"/>
        <source>No collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="135"/>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="138"/>
        <source>Customers with an open invoice of this age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="139"/>
        <source>Overdue above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="140"/>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="141"/>
        <source>Disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="142"/>
        <source>Customers with an open invoice in dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="143"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Finisher</name>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="36"/>
        <source>Finalize the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="37"/>
        <source>A finalized visit cannot be changed; corrections become amendments.

Finalize it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="40"/>
        <source>&amp;Finalize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="47"/>
        <source>Finalizing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="89"/>
        <source>Not finalized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="97"/>
        <source>Finalized — receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="98"/>
        <location filename="../fieldapp/ui/visit/finish.py" line="124"/>
        <source>Finalized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="103"/>
        <source>&amp;Open the visit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="104"/>
        <source>The signed record (PDF): show it to the customer or print it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="107"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="139"/>
        <source>Open the agreement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="141"/>
        <source>Open the receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="155"/>
        <source>Discard the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="156"/>
        <source>Discard this unfinished record? What was typed is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="158"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="17"/>
        <source>Promise to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="18"/>
        <source>Installment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="19"/>
        <source>Dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="20"/>
        <source>Revisit after absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="21"/>
        <source>Planned follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="43"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="45"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="47"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="49"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="50"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="53"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpStrip</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="36"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="37"/>
        <source>Follow-ups:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="21"/>
        <source>paid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="89"/>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="91"/>
        <source>%n items: promises due or broken, disputes, revisits</source>
        <translation>
            <numerusform>%n item: promises due or broken, disputes, revisits</numerusform>
            <numerusform>%n items: promises due or broken, disputes, revisits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="93"/>
        <source>Nothing to follow up today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="91"/>
        <source>Earlier visits, calls and promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="92"/>
        <source>No earlier visits or calls recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="52"/>
        <source>Import receivables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="53"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="14"/>
        <source>Customer code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="15"/>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="16"/>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="17"/>
        <source>Document date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="18"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="19"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="20"/>
        <source>Open amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="21"/>
        <source>Debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="22"/>
        <location filename="../fieldapp/ui/office/import_words.py" line="57"/>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="23"/>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="24"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="25"/>
        <source>Settled on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="26"/>
        <source>Days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="29"/>
        <source>Invoice list with settlement dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="30"/>
        <source>MISA – customer ledger (S31-DN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="31"/>
        <source>MISA – customer balances (summary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="32"/>
        <source>Digiwin – receivables statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="33"/>
        <source>Kingdee – receivables aging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="34"/>
        <source>Yonyou – customer ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="35"/>
        <source>Odoo – aged partner balance (detail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="36"/>
        <source>Odoo – aged partner balance (summary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="38"/>
        <source>ERPNext – accounts receivable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="39"/>
        <source>SAP – customer line items (FBL5N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="40"/>
        <source>QuickBooks – A/R aging detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="41"/>
        <source>QuickBooks – A/R aging summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="42"/>
        <source>Plain invoice list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="45"/>
        <source>Settled by the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="46"/>
        <source>Day/month/year (31/05/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="47"/>
        <source>Month/day/year (05/31/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="48"/>
        <source>Year/month/day (2025-05-31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="49"/>
        <source>Taiwan (ROC) year (114/05/31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="52"/>
        <source>1,234.5 (point for decimals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="53"/>
        <source>1.234,5 (comma for decimals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="56"/>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="58"/>
        <source>Opening balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="61"/>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="62"/>
        <source>The file is not text: export the report as CSV or as an Excel workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="64"/>
        <source>The file&apos;s letters are in no encoding fieldapp reads (UTF-8, Windows-1258, Big5, GB18030): export it as CSV UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="67"/>
        <source>The file is {size} bytes; at most {limit} bytes are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="69"/>
        <source>This is an old Excel .xls file: save it as .xlsx or CSV and choose that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="72"/>
        <source>The file is named like an Excel workbook but is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="74"/>
        <source>No header row with the columns of this source was found in the first {rows} rows: choose another source or adjust the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="77"/>
        <source>The columns match no known export: choose the source, then the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="80"/>
        <source>There is no source called “{source}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="82"/>
        <source>The workbook cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="84"/>
        <source>The workbook was refused as unsafe: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="86"/>
        <source>The workbook has no sheet “{sheet}”. Its sheets are: {sheets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="88"/>
        <source>{column} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="89"/>
        <source>“{text}” is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="90"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="92"/>
        <source>“{text}” is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="93"/>
        <source>The dates of this column read both as day/month and as month/day: choose the date order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="96"/>
        <source>“{text}” is not a currency fieldapp handles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="98"/>
        <source>Document {document} of customer {customer} is already on line {first}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="100"/>
        <source>The file&apos;s total {declared} {currency} differs from the sum of its rows, {computed} {currency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="103"/>
        <source>“{text}” has question marks inside words: the export lost its letters. Export the report as CSV UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="106"/>
        <source>{count} text cells were typed in the old {encoding} Vietnamese font and were converted, for example “{example}”. Check the names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="110"/>
        <source>This cannot be read (problem {code}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="13"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="15"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="17"/>
        <source>Has issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="19"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="31"/>
        <source>The document carries no signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="34"/>
        <source>Signature intact: nothing changed since signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="36"/>
        <source>Signature broken: the document was changed after signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="39"/>
        <source>Chain not checked: this office has no company certificate yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="42"/>
        <source>Signed by %1, whose certificate chains to the company CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="46"/>
        <source>Signed by %1, whose certificate does not chain to the company CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="50"/>
        <source>Development certificate: fine for testing, not company evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="53"/>
        <source>QR code matches the record inside the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="56"/>
        <source>QR code does not match the record inside the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="59"/>
        <source>QR code names a record missing from the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="62"/>
        <source>No record QR code (not a record document).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="134"/>
        <source>%1, by %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="147"/>
        <source>%1: amended (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="150"/>
        <source>%1: original record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="155"/>
        <source>%1 %2 set it to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="159"/>
        <source>%1 %2 corrected a comment: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="162"/>
        <source>%1 %2 commented: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="182"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="183"/>
        <source>&amp;Has issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="184"/>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="185"/>
        <source>A comment for the collector (comments cannot be changed later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="187"/>
        <source>Add comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="188"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="189"/>
        <source>This record has no document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxFilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="80"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="94"/>
        <source>&amp;Collector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="95"/>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="96"/>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="97"/>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="103"/>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="105"/>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="183"/>
        <source>Reject record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="184"/>
        <source>Why is this record rejected? The collector will read the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="186"/>
        <source>A reason is required to reject a record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="222"/>
        <source>Approve all %1 matching records?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="223"/>
        <source>Approve all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="242"/>
        <source>%1 matching · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="249"/>
        <source>Approve all matching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="250"/>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="251"/>
        <source>No records to review here. Records appear when day bundles from the laptops are imported; change the filters to see others.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="42"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="43"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="45"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="47"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="49"/>
        <source>Open balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="52"/>
        <source>Days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="54"/>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="55"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="93"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="97"/>
        <source>Disputed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="71"/>
        <source>No open invoices: everything is paid.
Untick “Open invoices only” to see the paid ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="80"/>
        <source>%1: amount %2 · open balance %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="88"/>
        <source>Open invoices only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiWords</name>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="12"/>
        <source>Collection effectiveness index (CEI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="13"/>
        <source>(Beginning receivables + credit sales / N − ending total receivables) / (beginning receivables + credit sales / N − ending current receivables) × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="16"/>
        <source>N = months in the period (Oracle, CRF); current = not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="19"/>
        <source>CEI, whole period&apos;s sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="20"/>
        <source>(Beginning receivables + credit sales − ending total receivables) / (beginning receivables + credit sales − ending current receivables) × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="23"/>
        <source>N = 1: the whole period&apos;s credit sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="25"/>
        <source>Days sales outstanding (DSO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="26"/>
        <source>(Ending total receivables / credit sales) × days in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="28"/>
        <source>Conventional, gross receivables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="30"/>
        <source>DSO, countback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="31"/>
        <source>Ending receivables less each month&apos;s credit sales, newest first, counting that month&apos;s days; the month that exceeds what is left counts left / sales of its days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="34"/>
        <source>Calendar months ending on the period&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="36"/>
        <source>Best possible DSO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="37"/>
        <source>(Current receivables / credit sales) × days in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="39"/>
        <source>Current = not yet due on the period&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="41"/>
        <source>Average days delinquent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="42"/>
        <source>DSO − best possible DSO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="43"/>
        <source>Both with the conventional DSO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="45"/>
        <source>Receivables at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="46"/>
        <source>Open balances on the day before the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="47"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="55"/>
        <source>Gross, by due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="49"/>
        <source>Credit sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="50"/>
        <source>Invoices issued in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="51"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="59"/>
        <source>Gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="53"/>
        <source>Receivables at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="54"/>
        <source>Open balances on the period&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="57"/>
        <source>Of them not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="58"/>
        <source>Open balances not yet due on the period&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="61"/>
        <source>Money collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="62"/>
        <source>Payments received in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="63"/>
        <source>By payment day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="65"/>
        <source>Of it taken on visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="66"/>
        <source>Payments taken on visits in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="67"/>
        <source>Pending or confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="69"/>
        <source>Promises made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="70"/>
        <source>Promises and installment plans recorded in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="71"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="109"/>
        <source>Not replaced by an amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="73"/>
        <source>Promises falling due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="74"/>
        <source>Promises and installment lines due in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="75"/>
        <source>Kept + partially kept + broken + open = due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="77"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="78"/>
        <source>Kept in full by their day (plus grace days) / promises due × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="80"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="84"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="88"/>
        <source>Each payment counted once, oldest due first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="82"/>
        <source>Partially kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="83"/>
        <source>Partially kept / promises due × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="86"/>
        <source>Broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="87"/>
        <source>Broken / promises due × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="90"/>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="91"/>
        <source>Still within their grace days / promises due × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="92"/>
        <source>Judged on the period&apos;s last day, or today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="94"/>
        <source>Right-party contact rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="95"/>
        <source>Contacts with a person with authority to pay / all contact attempts × 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="97"/>
        <source>Visits and calls; an absent customer is an attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="99"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="100"/>
        <source>Visit records made in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="101"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="105"/>
        <source>Finished, amendments not counted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="103"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="104"/>
        <source>Call records made in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="107"/>
        <source>Disputes opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="108"/>
        <source>Disputes recorded in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="111"/>
        <source>Disputes resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="112"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="118"/>
        <source>Disputes resolved in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="113"/>
        <source>By the time of resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="115"/>
        <source>Dispute resolution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="116"/>
        <source>Average days from a dispute being recorded to its resolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="19"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="20"/>
        <source>1–30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="21"/>
        <source>31–60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="22"/>
        <source>61–90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="23"/>
        <source>90+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="24"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="25"/>
        <source>Slowing down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="26"/>
        <source>Restructuring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="27"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="28"/>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="29"/>
        <source>Partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="30"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="31"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="32"/>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="33"/>
        <source>Cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="34"/>
        <source>Post-dated cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="35"/>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="36"/>
        <source>Chinese (Traditional, Taiwan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="37"/>
        <source>Chinese (Simplified, China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="38"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="39"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="40"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="41"/>
        <source>Money received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="42"/>
        <source>Promise to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="43"/>
        <source>Installment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="44"/>
        <source>Dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="45"/>
        <source>Refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="46"/>
        <source>Customer absent / premises closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="47"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="48"/>
        <source>Damaged goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="49"/>
        <source>Wrong goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="50"/>
        <source>Short or not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="51"/>
        <source>Late delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="52"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="53"/>
        <source>Invoice error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="54"/>
        <source>Missing documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="55"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="56"/>
        <location filename="../fieldapp/ui/labels.py" line="70"/>
        <source>Revisit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="57"/>
        <source>Supervisor calls the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="58"/>
        <source>Legal route recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="59"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="60"/>
        <source>Every two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="61"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="62"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="63"/>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="64"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="65"/>
        <source>Broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="66"/>
        <source>Partially kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="67"/>
        <source>Dispute deadline near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="68"/>
        <source>Dispute deadline passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="69"/>
        <source>Dispute open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="73"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="74"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="75"/>
        <source>Visit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="76"/>
        <source>Installment agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="77"/>
        <source>Agreement for wet signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="78"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="79"/>
        <source>Statement of account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="40"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="41"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../fieldapp/ui/visit/text_limit.py" line="39"/>
        <source>%1 / %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="49"/>
        <source>Locked. Customer data is hidden until you unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="50"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="247"/>
        <source>About fieldapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="248"/>
        <source>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Offline portfolio and visit records for field collectors of trade receivables.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="284"/>
        <source>fieldapp — collector&apos;s portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/main_window.py" line="290"/>
        <source>Customers: %n</source>
        <translation>
            <numerusform>Customers: %n</numerusform>
            <numerusform>Customers: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="291"/>
        <source>Today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="294"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="298"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="299"/>
        <source>Vi&amp;sit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="300"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="301"/>
        <source>F&amp;ollow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="302"/>
        <source>Start &amp;visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="303"/>
        <source>Start a visit with this customer (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="304"/>
        <source>&amp;Log a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="305"/>
        <source>Log a phone call with this customer (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="306"/>
        <source>&amp;Unfinished visits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="307"/>
        <source>S&amp;tatement of account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="309"/>
        <source>Make a signed statement of account as of today and open it (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="310"/>
        <source>&amp;Print agreements of a day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="311"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="312"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="313"/>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="314"/>
        <source>Today&apos;s &amp;route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="315"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="316"/>
        <source>&amp;Back to previous customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="317"/>
        <source>&amp;About fieldapp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="69"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="70"/>
        <source>Which column of the file holds what. Fields that are not in the file stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="73"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="77"/>
        <source>&amp;Date order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="78"/>
        <source>&amp;Numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="79"/>
        <source>C&amp;urrency of rows that name none:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="80"/>
        <source>&amp;Save as source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="95"/>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="104"/>
        <source>— not in the file —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="106"/>
        <source>(column {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="143"/>
        <source>No column names the customer: each block&apos;s customer is read from the line above it (“Customer: …”), as in a customer ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="149"/>
        <source>Choose the column of the customer code or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="151"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="153"/>
        <source>One column is chosen for two fields: choose each column once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="163"/>
        <source>Save as source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="164"/>
        <source>Name of the source (for example the company and report):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="177"/>
        <source>Saved as “{name}”: files with these columns will be read this way from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MasterEditDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="82"/>
        <source>Correct the customer&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>P&amp;rovince:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="87"/>
        <source>New contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="88"/>
        <source>Changes are used here at once and sent to the office with the next sync. If the office changed the same detail meanwhile, a supervisor decides which one to keep.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="36"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="37"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="40"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="41"/>
        <source>Date on the cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="43"/>
        <source>Applied to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Open balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="84"/>
        <source>Transfer or cheque number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="137"/>
        <source>Not an amount for invoice %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="174"/>
        <source>Receipt %1 was issued; only the office can void it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../fieldapp/ui/visit/money_edit.py" line="94"/>
        <source>read as {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="96"/>
        <source>Fix what is marked in red before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="161"/>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumbersToDial</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="28"/>
        <source>Number to dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="29"/>
        <source>Numbers to dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="31"/>
        <source>No phone number on file: ask the office for one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectionsField</name>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="23"/>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="24"/>
        <source>Prepared answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="33"/>
        <source>Add objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="35"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeCustomerModel</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="17"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="21"/>
        <source>disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="43"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="45"/>
        <source>Dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="47"/>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeNotes</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="14"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="16"/>
        <source>Has issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="18"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="20"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="28"/>
        <source>Comment (corrects an earlier one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="29"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="33"/>
        <source>Dispute resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="37"/>
        <source>Receipt %1 voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="54"/>
        <source>A record not on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="57"/>
        <source>Call of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="59"/>
        <source>Visit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_words.py" line="69"/>
        <source>%n new notes from the office</source>
        <translation>
            <numerusform>%n new note from the office</numerusform>
            <numerusform>%n new notes from the office</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeNotesDialog</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="133"/>
        <source>By %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="141"/>
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="142"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="145"/>
        <source>From the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="146"/>
        <source>No notes from the office yet. They arrive with the assignment pack when you sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="148"/>
        <source>&amp;Open the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="149"/>
        <source>Show this customer and record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="150"/>
        <source>&amp;Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="151"/>
        <source>Mark &amp;all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="152"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeNotesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="34"/>
        <location filename="../fieldapp/ui/models/office_notes.py" line="35"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="37"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="39"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="40"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="41"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="43"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="45"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeNotesUi</name>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="80"/>
        <source>From the &amp;office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="81"/>
        <source>Review states and comments the office sent about your records (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="85"/>
        <source>Open the notes from the office</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeSync</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="136"/>
        <source>Company CA passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="137"/>
        <source>The passphrase of the company CA signs the acknowledgements and packs for the laptops. It is kept until this window closes. Without it, bundles are imported and the laptops are answered later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="162"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="189"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4
Acknowledgements written: %5
Packs written: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="197"/>
        <source>%1 files could not be read and stay in the folder for the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="200"/>
        <source>Without the CA passphrase no acknowledgement or pack was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="202"/>
        <source>Sync folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="208"/>
        <source>No sync folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="210"/>
        <source>Sync folder not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="212"/>
        <source>Last import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="214"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="215"/>
        <source>Bundles waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="216"/>
        <source>Quarantined: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="219"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="221"/>
        <source>Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="223"/>
        <source>Acknowledgements wait for the CA passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="178"/>
        <source>About fieldapp office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="179"/>
        <source>&lt;b&gt;fieldapp office %1&lt;/b&gt;&lt;p&gt;Receivables imported from the accounting software, customers assigned to collectors, and their routes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="204"/>
        <location filename="../fieldapp/ui/office/window.py" line="218"/>
        <source>fieldapp office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="210"/>
        <source>Database: %1 (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="212"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="214"/>
        <source>Database: %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="215"/>
        <source> (as %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="219"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="220"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="221"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="222"/>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="223"/>
        <source>&amp;Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="224"/>
        <source>Installment agreements of a day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="225"/>
        <source>Statements of account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="226"/>
        <source>Import arrived bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="228"/>
        <source>Import the day bundles waiting in the sync folder and answer the laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="229"/>
        <source>Send packs to all laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="230"/>
        <source>Sync folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="232"/>
        <source>Import receivables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="233"/>
        <source>Import day bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="234"/>
        <source>Export to accounting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="235"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="236"/>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="237"/>
        <source>&amp;About fieldapp office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="245"/>
        <source>Where this office&apos;s data is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="246"/>
        <source>Today: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="75"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="77"/>
        <source>Remove this outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="27"/>
        <source>%1 by %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/outcome_text.py" line="32"/>
        <source>%n installments</source>
        <translation>
            <numerusform>%n installment</numerusform>
            <numerusform>%n installments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="36"/>
        <source>%1 down, then %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="44"/>
        <source>revisit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="123"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="125"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="127"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="128"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="130"/>
        <source>Allocated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="140"/>
        <source>Voided by the office: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="33"/>
        <source>Agreed total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="40"/>
        <source>Down payment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="43"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="45"/>
        <source>Default clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="65"/>
        <source>installments,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="66"/>
        <source>first due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="69"/>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="83"/>
        <source>if everything is paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="87"/>
        <source>Early-payment discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="140"/>
        <source>The disputed invoices changed the agreed total from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="156"/>
        <source>settles with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="166"/>
        <source>Covers invoices: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="179"/>
        <source>Loading customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="181"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="184"/>
        <source>%1 of %n customers match</source>
        <translation>
            <numerusform>%1 of %n customer match</numerusform>
            <numerusform>%1 of %n customers match</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="190"/>
        <source>Search name, code, tax code, phone, contact… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="191"/>
        <source>No customer matches the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="193"/>
        <source>No customers yet. Import the receivables exported from your accounting software: customers and their open invoices come with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="195"/>
        <source>Import receivables…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="71"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="72"/>
        <source>The file as it would be imported. Nothing is written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="73"/>
        <source>Import the &amp;good rows and skip the bad ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="74"/>
        <source>Load the balances as &amp;opening balances on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="100"/>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="123"/>
        <source>&amp;Rows as understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="125"/>
        <source>&amp;Problems: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="144"/>
        <source>Data rows: {rows} · Customers: {customers} · Invoices: {invoices} · Credits: {credits} · Opening balances: {openings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="158"/>
        <source>The table shows the first {count} rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="174"/>
        <source>{count} rows have problems (listed above). Correct them in the accounting program and export again, or import the other rows and skip these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="142"/>
        <source>Reading was stopped: go back and forward again to read the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="151"/>
        <source>Amounts: {totals}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="154"/>
        <source>Open: {totals}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="162"/>
        <source>This report has one line per customer and no invoices, so it cannot be imported as invoices. Its balances can be loaded instead as opening balances: one open amount per customer, on the day you choose below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewRowsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="31"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="32"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="34"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="35"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="36"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="38"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="40"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="42"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="44"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="112"/>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="230"/>
        <source>Every customer of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="166"/>
        <source>Preparing the installment agreements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="171"/>
        <source>Preparing the statements of account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="179"/>
        <source>Company CA passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="180"/>
        <source>The office signs what it prints with a key kept under the company CA&apos;s passphrase. It is kept until the window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="202"/>
        <source>Nothing printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="206"/>
        <source>Installment agreements of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="208"/>
        <source>Statements of account as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="218"/>
        <source>Print agreements and statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="219"/>
        <source>What to print (one PDF, each customer from a new page, in the customer&apos;s language):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="221"/>
        <source>&amp;Installment agreements of a day, for signing in ink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="223"/>
        <source>&amp;Statements of account for a group of customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="225"/>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="226"/>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="227"/>
        <source>Made on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="228"/>
        <source>Only the route of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="231"/>
        <source>Customers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="232"/>
        <source>A collector&apos;s customers with open invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="233"/>
        <source>The customers on a collector&apos;s route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="234"/>
        <source>These customer codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="236"/>
        <source>Collector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="237"/>
        <source>Route of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="238"/>
        <source>Codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="239"/>
        <source>Customer codes separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="240"/>
        <source>As of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="241"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="30"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="32"/>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="40"/>
        <source>Not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="41"/>
        <source>The printer could not be used:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="50"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="54"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="56"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="57"/>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="15"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="16"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromiseCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="36"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="37"/>
        <source>Pay by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="39"/>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="108"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="110"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="112"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="114"/>
        <source>Claimed reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>Resolver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>not assigned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="117"/>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="119"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="121"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="122"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="124"/>
        <source>Paid towards it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="127"/>
        <source>Collector&apos;s next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="134"/>
        <source>Customer&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="136"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="138"/>
        <source>Issues found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="139"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="142"/>
        <source>Re&amp;solver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="143"/>
        <source>who resolves the dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="144"/>
        <source>&amp;Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="145"/>
        <source>Root &amp;cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="147"/>
        <source>the cause found, apart from the customer&apos;s claimed reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="148"/>
        <source>&amp;Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="149"/>
        <source>&amp;Handed over to the legal route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="150"/>
        <source>&amp;Open the record in the Inbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="19"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="20"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="21"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="22"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="23"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="24"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="25"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="49"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="85"/>
        <source>paid %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueWords</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="16"/>
        <source>Disputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="17"/>
        <source>Promises due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="18"/>
        <source>Broken promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="19"/>
        <source>Partially kept promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="20"/>
        <source>Notes to the supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="21"/>
        <source>Refusals heading for the legal route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="22"/>
        <source>Records with issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="23"/>
        <source>Money to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="29"/>
        <source>No open disputes: every dispute imported so far is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="31"/>
        <source>No promise falls due today that is not already kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="33"/>
        <source>No promise was broken in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="35"/>
        <source>No promise was only partly kept in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="37"/>
        <source>No notes waiting: a note leaves this queue once its record is reviewed in the Inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="40"/>
        <source>No refusal is waiting to be handed over to the legal route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="42"/>
        <source>No record is marked as having issues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="44"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="61"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="62"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="69"/>
        <source>%1 (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="70"/>
        <source>%1 (%2, oldest %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="78"/>
        <source>Overdue by %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="80"/>
        <source>%1 h left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="91"/>
        <source>Installment line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="93"/>
        <source>Promise to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="101"/>
        <source>Follow up on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="104"/>
        <source>Revisit on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="112"/>
        <source>On the route on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="115"/>
        <source>None planned: the record sets no follow-up day or revisit, and no route has the customer yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuesView</name>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="130"/>
        <location filename="../fieldapp/ui/office/queues_view.py" line="219"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="212"/>
        <source>Items: %1, the oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="217"/>
        <source>&amp;Collector:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/questions.py" line="44"/>
        <source>Amend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="109"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="115"/>
        <source>Accounting: %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="140"/>
        <source>Matched automatically with the accounting entry %1 (%2, %3) of the same customer and amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="145"/>
        <source>%1 by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="159"/>
        <source>Confirm receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="160"/>
        <source>Confirm all %n pending receipt(s)?</source>
        <translation>
            <numerusform>Confirm the %n pending receipt?</numerusform>
            <numerusform>Confirm all %n pending receipts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="196"/>
        <source>%n receipt(s) of money taken on site wait for confirmation, the oldest first. A later accounting import matches them by itself.</source>
        <translation>
            <numerusform>%n receipt of money taken on site waits for confirmation. A later accounting import matches it by itself.</numerusform>
            <numerusform>%n receipts of money taken on site wait for confirmation, the oldest first. A later accounting import matches them by itself.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="199"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="202"/>
        <source>Only the oldest %1 of this list are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Taken on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Match or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="215"/>
        <source>&amp;Confirm selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="216"/>
        <source>Confirm &amp;all pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="217"/>
        <source>&amp;Void…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="78"/>
        <source>Discard the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="79"/>
        <source>Discard the unfinished %1 with %2? What was typed is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="81"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="93"/>
        <source>Unfinished visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="94"/>
        <source>These visits and calls were not finalized. Everything typed was saved: resume one to finish it, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="96"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="97"/>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="98"/>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="69"/>
        <source>Reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="70"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolvePage</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="229"/>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="230"/>
        <source>— add every result of the visit; one visit can have several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="231"/>
        <source>+ &amp;Money received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="232"/>
        <source>+ &amp;Promise to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="233"/>
        <source>+ &amp;Installment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="234"/>
        <source>+ &amp;Dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="235"/>
        <source>+ Re&amp;fusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="236"/>
        <source>+ Customer &amp;absent / closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="241"/>
        <source>I confirm these amounts with the customer although they exceed what is owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="243"/>
        <source>Why? e.g. a credit note is pending, an invoice is not imported yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteEditor</name>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="56"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="57"/>
        <source>Visit earlier (Alt+Up); rows can also be dragged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="58"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="59"/>
        <source>Visit later (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="60"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="61"/>
        <source>Take the stop off the route (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="34"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="36"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="39"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteSheetPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="66"/>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="68"/>
        <source>Printing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="72"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="74"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="82"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="83"/>
        <source>The route sheet could not be saved to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="89"/>
        <source>Route sheet of %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="92"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="93"/>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="94"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteStopsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="19"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="20"/>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="27"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="21"/>
        <source>Days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="22"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="23"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="24"/>
        <source>Promise due, not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="25"/>
        <source>Revisit due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="26"/>
        <source>Dispute waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="94"/>
        <source>Today&apos;s route</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/route_view.py" line="97"/>
        <source>Stops: %n</source>
        <translation>
            <numerusform>Stops: %n</numerusform>
            <numerusform>Stops: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="99"/>
        <source>No visits are planned for today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutesView</name>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="124"/>
        <source>No collectors yet: add them in the Collectors tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="156"/>
        <source>Unsaved route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="157"/>
        <source>The route of this day has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="182"/>
        <source>%n stops saved for this day.</source>
        <translation>
            <numerusform>%n stop saved for this day.</numerusform>
            <numerusform>%n stops saved for this day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="203"/>
        <source>%n stops suggested; save to keep them.</source>
        <translation>
            <numerusform>%n stop suggested; save to keep it.</numerusform>
            <numerusform>%n stops suggested; save to keep them.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="205"/>
        <source>Nothing more to suggest for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="280"/>
        <source>The route has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="296"/>
        <source>Collector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="297"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="298"/>
        <source>Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="299"/>
        <source>When the first visit starts (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="300"/>
        <source>&amp;Suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="302"/>
        <source>Add the customers most worth a visit: promises due and not kept, revisits, disputes waiting, then the largest and oldest overdue amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="304"/>
        <source>Spread times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="305"/>
        <source>Plan every visit again from the start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="306"/>
        <source>Save route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="307"/>
        <source>Print route sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="308"/>
        <source>Print statements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="310"/>
        <source>Statements of account for the customers on this route, in one signed PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="48"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="49"/>
        <source>The receivables are written in one step: all or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="50"/>
        <source>&amp;Skipped rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="51"/>
        <source>Import &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="73"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="107"/>
        <source>The import was stopped. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="110"/>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="113"/>
        <source>The receivables were imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="114"/>
        <source>Customers: {created} new, {updated} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="117"/>
        <source>Invoices: {created} new, {updated} updated, {closed} closed because the export no longer lists them as open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="122"/>
        <source>Open in this export: {totals}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="28"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="29"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="53"/>
        <source>Down payment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="31"/>
        <source>Collector name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="30"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="32"/>
        <source>Your title on Vietnamese documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="33"/>
        <source>Your title on Traditional Chinese documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="34"/>
        <source>Your title on Simplified Chinese documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Your title on English documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Latest promise date (days ahead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Grace days before a promise is broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="38"/>
        <source>Share paid that keeps a promise (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Remind this many days before a promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="40"/>
        <source>Warn when a dispute deadline is this close (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="41"/>
        <source>Least ink for a signature (pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="42"/>
        <source>Lock the window after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Company address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="45"/>
        <source>Company tax code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Company phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Sync folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="48"/>
        <source>Sync when the program starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="49"/>
        <source>Sync when the program closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="70"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="89"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="90"/>
        <source>None: choose the folder shared with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="95"/>
        <source>Choose the sync folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="203"/>
        <source>Enter the company&apos;s name: it heads every document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="211"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="212"/>
        <source>Your name and title go on every record you sign. Please enter them before the first visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="214"/>
        <source>These settings apply to this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="216"/>
        <source>Letterhead on every document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="217"/>
        <source>Sync with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="219"/>
        <source>Change PIN or passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="66"/>
        <source>The customer was absent: nobody signs for the customer; you sign the record alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="70"/>
        <source>Nothing the customer signed has changed: their signature on the original record stands, and you sign the amendment alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="109"/>
        <source>The record changed after it was signed: read the summary again with the customer, then both sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="127"/>
        <source>Summary for the customer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="129"/>
        <source>Customer signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="130"/>
        <source>Collector signs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignerPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="30"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="31"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="32"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="34"/>
        <source>Printed name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="35"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="45"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="46"/>
        <source>The accounting program and report the file comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="47"/>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="54"/>
        <source>Find it from the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="56"/>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="141"/>
        <source>{name} (saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="107"/>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="117"/>
        <source>No known export has these columns: say on the next page which column holds what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="120"/>
        <source>The columns of {source} were not found: say on the next page which column holds what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="123"/>
        <source>Found: {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="125"/>
        <source>Read as {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="127"/>
        <source>An Excel workbook with {count} columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="130"/>
        <source>Text encoding: {encoding}. Columns: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="135"/>
        <source>The report is dated {day}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../fieldapp/ui/app.py" line="79"/>
        <source>Restore the backup of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="81"/>
        <source>The damaged file is kept in the backups folder; what was recorded after the backup is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="83"/>
        <source>What will be lost: visits, calls, payments and documents recorded on this laptop after %1. Those among them already sent are kept by the office; the others are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="91"/>
        <source>&amp;Restore the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="92"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupDocuments</name>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="84"/>
        <source>Last finalized: %1, %2 — receipt %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="87"/>
        <source>Last finalized: %1, %2 — no money taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="90"/>
        <source>Some documents are still pending: see the visit&apos;s Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="92"/>
        <source>Check this before recording money again: a receipt already issued stands for money already taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncFolderDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="39"/>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="49"/>
        <source>Sync folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="51"/>
        <source>The folder this office shares with its laptops: a shared drive, a cloud folder or a USB stick. Laptops put their day bundles in its to-office folder; the office puts each laptop&apos;s acknowledgements and assignment packs in to-laptops. Every supervisor of this office uses the same folder. Leave it empty to use none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="56"/>
        <source>Watch the folder and import bundles as they arrive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="39"/>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="40"/>
        <source>&amp;Install the office&apos;s answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="41"/>
        <source>&amp;Send to the office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="42"/>
        <source>&amp;Receive assignment pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="43"/>
        <source>Take &amp;acknowledgement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="54"/>
        <source>This laptop is enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="55"/>
        <source>Enrolled for %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="58"/>
        <source>&amp;Enroll this laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="60"/>
        <source>Save a certificate request for the office to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="67"/>
        <source>Save the certificate request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="69"/>
        <source>Certificate requests (*.csr);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="72"/>
        <source>The certificate request was saved to %1. Give it to the office; then install the office&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="77"/>
        <source>Install the office&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="78"/>
        <source>Enrollment answers (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="86"/>
        <source>This laptop is now enrolled for %1 of %2. Documents made from now on are signed with the enrolled key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="93"/>
        <source>Send to the office: choose the sync folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="100"/>
        <source>A day bundle with %1 records was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="101"/>
        <source>No new records since the last bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="103"/>
        <source>%1 bundles waiting for the office&apos;s acknowledgement were written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="107"/>
        <source>Receive an assignment pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="115"/>
        <source>Assignment pack version %1 applied: %2 customers added, %3 updated, %4 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_menu.py" line="119"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>%n new note from the office.</numerusform>
            <numerusform>%n new notes from the office.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="121"/>
        <source>Disputes you recorded that the office resolved: %1; their invoices are no longer paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="126"/>
        <source>Take the office&apos;s acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="132"/>
        <source>The office holds every bundle up to number %1; %2 removed from the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="141"/>
        <source>Sync files (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="150"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="75"/>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="76"/>
        <location filename="../fieldapp/ui/sync_status.py" line="79"/>
        <source>Send and receive through the sync folder (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="77"/>
        <source>Sync s&amp;tatus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="78"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="88"/>
        <source>Not enrolled · Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="90"/>
        <source>Last sync: %1 · Not sent: %2 · Waiting: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="98"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="101"/>
        <source>today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="103"/>
        <source>yesterday %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="110"/>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="111"/>
        <source>Enrolled for %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="112"/>
        <source>Not enrolled with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="113"/>
        <source>Sync folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="114"/>
        <source>No sync folder is set (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="115"/>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="116"/>
        <source>Records not yet sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="119"/>
        <source>Bundles waiting for the office&apos;s acknowledgement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="121"/>
        <source>Assignment pack: version %1, valid until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="124"/>
        <source>No assignment pack applied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="126"/>
        <source>Left in the sync folder: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="129"/>
        <source>The last sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="135"/>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="150"/>
        <source>Choose the sync folder shared with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="155"/>
        <location filename="../fieldapp/ui/sync_status.py" line="224"/>
        <source>Syncing with the office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="179"/>
        <source>Sync cancelled; what was done is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="182"/>
        <source>Synced: %n records sent.</source>
        <translation>
            <numerusform>Synced: %n record sent.</numerusform>
            <numerusform>Synced: %n records sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="184"/>
        <source>%n bundles wait for the office&apos;s acknowledgement.</source>
        <translation>
            <numerusform>%n bundle waits for the office&apos;s acknowledgement.</numerusform>
            <numerusform>%n bundles wait for the office&apos;s acknowledgement.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="187"/>
        <source>Assignment pack version %1 applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="190"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>%n new note from the office.</numerusform>
            <numerusform>%n new notes from the office.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="193"/>
        <source>Some files were left in the sync folder: see the sync status for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="235"/>
        <source>Syncing with the office before closing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskStrip</name>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="33"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="55"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="62"/>
        <source>line %v of about %m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="58"/>
        <source>Assigned %n customers to %1.</source>
        <translation>
            <numerusform>Assigned %n customer to %1.</numerusform>
            <numerusform>Assigned %n customers to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="59"/>
        <source>no collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="61"/>
        <source>Nothing changed: the customers already had this collector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="63"/>
        <source>Undone: %n customers are back with their previous collectors.</source>
        <translation>
            <numerusform>Undone: %n customer is back with the previous collector.</numerusform>
            <numerusform>Undone: %n customers are back with their previous collectors.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="68"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="34"/>
        <source>Open the office database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="35"/>
        <source>Unlock the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="46"/>
        <source>Forgotten PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="61"/>
        <source>This version keeps the profile encrypted. Choose a PIN or passphrase: it is asked every time the program starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="64"/>
        <source>Choose a PIN or passphrase for this profile: it is asked every time the program starts, and nobody can open the profile without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="68"/>
        <source>New PIN or passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="69"/>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="85"/>
        <source>The same again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="72"/>
        <source>PIN or passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="81"/>
        <source>The new office database %1 is to be encrypted. Choose its passphrase: it is asked every time the database is opened, and nobody can open the database or its backups without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="84"/>
        <source>New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="87"/>
        <source>The office database %1 is encrypted. Type its passphrase to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="89"/>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="98"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="106"/>
        <source>The two entries are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="124"/>
        <source>Without its PIN this profile cannot be opened by anyone, not even by the office: that is what protects the customers&apos; data on a lost laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="126"/>
        <source>Ask your supervisor to enroll this laptop again; the office then sends a fresh assignment pack and you start on a new profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="128"/>
        <source>Forgotten PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="137"/>
        <source>Work the office has already received is safe. Visits, documents and payments recorded here and not yet sent are lost. How many there are cannot be shown without the PIN either: if you remember the last time you sent your day, everything after it is what would be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="144"/>
        <source>When the window was last locked or closed (%1), everything recorded here had been sent to the office: that work is safe. Only what was recorded after that and not sent would be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unlock_dialog.py" line="148"/>
        <source>When the window was last locked or closed (%1), %n records had not been sent to the office. They exist only on this laptop: with a forgotten PIN they are lost, unless they were sent since. Work the office has received is safe.</source>
        <translation>
            <numerusform>When the window was last locked or closed (%1), %n record had not been sent to the office. It exists only on this laptop: with a forgotten PIN it is lost, unless it was sent since. Work the office has received is safe.</numerusform>
            <numerusform>When the window was last locked or closed (%1), %n records had not been sent to the office. They exist only on this laptop: with a forgotten PIN they are lost, unless they were sent since. Work the office has received is safe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentModel</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="19"/>
        <source>Amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="21"/>
        <source>Corrected details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="35"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="36"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="37"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsentWatch</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="151"/>
        <source>Unsent work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="154"/>
        <source>Sync before closing to keep them safe with the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="155"/>
        <source>&amp;Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="156"/>
        <source>&amp;Keep the window open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsentWork</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unsent_view.py" line="27"/>
        <source>These %n records exist only on this laptop until they are sent to the office. If the PIN is forgotten, they are lost.</source>
        <translation>
            <numerusform>The %n record below exists only on this laptop until it is sent to the office. If the PIN is forgotten, it is lost.</numerusform>
            <numerusform>These %n records exist only on this laptop until they are sent to the office. If the PIN is forgotten, they are lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDocumentsBar</name>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="115"/>
        <source>Pending: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="119"/>
        <source>Not made yet: finalizing was interrupted or the document failed. The visit itself is finalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="150"/>
        <source>Plan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="171"/>
        <source>Open &amp;record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="172"/>
        <source>The signed visit record (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="173"/>
        <source>Open a&amp;greement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="174"/>
        <source>Open recei&amp;pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="175"/>
        <source>Agreement for &amp;wet signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="176"/>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="177"/>
        <source>Make the pending documents of this visit now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="178"/>
        <source>A fresh copy of the installment agreement with empty boxes, to print and sign in ink</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="38"/>
        <source>Receipt %1 voided by the office: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="42"/>
        <source>Documents pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="44"/>
        <source>Amendment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="47"/>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="61"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="63"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="64"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="65"/>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="67"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="69"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/visit_history.py" line="88"/>
        <source>%n comments</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="144"/>
        <location filename="../fieldapp/ui/visit/window.py" line="256"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="167"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="216"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="224"/>
        <source>Not saved: the disk is full. The draft is kept in this window and saved as soon as space is freed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="227"/>
        <source>Not saved, retrying: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Visit — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Call — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="271"/>
        <source>Amendment of an earlier record. Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="274"/>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="275"/>
        <source>Previous step (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="276"/>
        <source>Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="277"/>
        <source>Next step (Alt+Right or Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="278"/>
        <source>Finalize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="279"/>
        <source>Check everything and freeze the record (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="280"/>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="281"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="282"/>
        <source>Go on (next step or finalize)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="283"/>
        <source>Discard this draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="284"/>
        <source>Close (keeps the draft)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="155"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="158"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="160"/>
        <source>From the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="169"/>
        <source>Amendment of the record of %1. Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="173"/>
        <source>Corrected by a later amendment; kept unchanged as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="174"/>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="190"/>
        <source>No visits recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="191"/>
        <source>&amp;Amend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="192"/>
        <source>Correct this record: a new record with a reason; the original stays as it was</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="253"/>
        <source>Void receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="255"/>
        <source>Void receipt %1: %2 taken from %3 on %4? It will no longer count anywhere, and the collector&apos;s laptop learns of it with the next pack. Say why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="259"/>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="260"/>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="18"/>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="19"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="20"/>
        <source>More than the open balance of {balance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="21"/>
        <source>This date is in the past: agree on a specific day from today on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="22"/>
        <source>More than {days} days ahead: agree on an earlier date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="23"/>
        <source>Pick a day after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="24"/>
        <source>Allocated {allocated} but received {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="25"/>
        <source>More than the open balance of invoice {invoice}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="26"/>
        <source>Give the transfer or cheque reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="27"/>
        <source>A post-dated cheque needs the date written on it, after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="28"/>
        <source>The installments add up to {sum}, not the agreed {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="29"/>
        <source>Each installment must fall after the previous one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="30"/>
        <source>The down payment must be less than the agreed total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="31"/>
        <source>The discount must be between 0 and {max} %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="32"/>
        <source>Say until when the early-payment discount applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="33"/>
        <source>Pick at least one invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="34"/>
        <source>The signature is too small; clear it and sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="35"/>
        <source>Not a date that exists: pick the day from the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="36"/>
        <source>Signature required: sign in the box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="37"/>
        <source>Add a photo of the closed premises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="38"/>
        <source>The customer was absent: say what you found, add a photo and the revisit date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="39"/>
        <source>Nobody to meet? Tick &quot;Customer absent&quot; at Meet first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="40"/>
        <source>Nobody was met, so nobody refused: remove the refusal or untick &quot;Customer absent&quot; at Meet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="41"/>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="42"/>
        <source>Money received, promises and installments come to {committed}, more than the {balance} owed: confirm why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="45"/>
        <source>Not an amount: type digits, e.g. {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="46"/>
        <source>Add at least one outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="47"/>
        <source>The signer&apos;s printed name is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
