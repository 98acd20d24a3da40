<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AbsenceCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="97"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="98"/>
        <source>Revisit on</source>
        <translation>Ngày quay lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="100"/>
        <source>Photo</source>
        <translation>Ảnh chụp</translation>
    </message>
</context>
<context>
    <name>AbsentNext</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="44"/>
        <source>Nobody to meet: Listen and the customer&apos;s signature are skipped. Under Resolve, say what you found, add a photo of the premises and the day you come back.</source>
        <translation>Không có ai để làm việc: bỏ qua bước Lắng nghe và chữ ký của khách hàng. Ở bước Giải pháp, hãy ghi lại tình hình thực tế, đính kèm ảnh chụp cơ sở của khách hàng và ngày quay lại.</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="57"/>
        <source>Open invoices</source>
        <translation>Hóa đơn còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="61"/>
        <source>Last payment: %1, %2 (%3)</source>
        <translation>Lần thanh toán gần nhất: %1, %2 (%3)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="66"/>
        <source>No payments recorded.</source>
        <translation>Chưa có khoản thanh toán nào.</translation>
    </message>
</context>
<context>
    <name>AgingModel</name>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="41"/>
        <source>Currency</source>
        <translation>Loại tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="43"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="45"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>AgingStrip</name>
    <message>
        <location filename="../fieldapp/ui/views/aging_strip.py" line="50"/>
        <source>Nothing open: every invoice is paid.</source>
        <translation>Không còn nợ: mọi hóa đơn đã được thanh toán.</translation>
    </message>
</context>
<context>
    <name>AssignButtons</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="61"/>
        <source>Assign…</source>
        <translation>Phân công…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="62"/>
        <source>Give the customers picked in the list to a collector</source>
        <translation>Giao các khách hàng đã chọn trong danh sách cho một nhân viên thu hồi nợ</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="67"/>
        <source>Assign all %n matching…</source>
        <translation>
            <numerusform>Phân công tất cả %n khách hàng phù hợp…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="69"/>
        <source>Give every customer the search and filters keep to a collector</source>
        <translation>Giao mọi khách hàng còn lại sau khi tìm kiếm và lọc cho một nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="71"/>
        <source>Assign all matching…</source>
        <translation>Phân công tất cả khách hàng phù hợp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_assign.py" line="73"/>
        <source>Narrow the list with the search or the filters first</source>
        <translation>Hãy thu hẹp danh sách bằng tìm kiếm hoặc bộ lọc trước</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="64"/>
        <source>Assign customers</source>
        <translation>Phân công khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="65"/>
        <source>Collector:</source>
        <translation>Nhân viên thu hồi nợ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="66"/>
        <source>Assign</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="68"/>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="88"/>
        <source>No collector</source>
        <translation>Không có nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="103"/>
        <source>Counting the customers…</source>
        <translation>Đang đếm số khách hàng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="107"/>
        <source>No customers match.</source>
        <translation>Không có khách hàng nào phù hợp.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="112"/>
        <source>Take all %n matching customers away from their collectors?</source>
        <translation>
            <numerusform>Gỡ tất cả %n khách hàng phù hợp khỏi nhân viên thu hồi nợ đang phụ trách?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="115"/>
        <source>Assign all %n matching customers to %1?</source>
        <translation>
            <numerusform>Phân công tất cả %n khách hàng phù hợp cho %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/assign_dialog.py" line="120"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n khách hàng khác</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignedCustomersModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="73"/>
        <source>Code</source>
        <translation>Mã KH</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="74"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="75"/>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="76"/>
        <source>Territory</source>
        <translation>Địa bàn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="78"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>AssignmentHistoryDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="49"/>
        <source>Assignment history</source>
        <translation>Lịch sử phân công</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="50"/>
        <source>Assignments, newest first. Undo gives the customers of the selected assignment back their previous collectors.</source>
        <translation>Các lần phân công, mới nhất ở trên cùng. Hoàn tác sẽ trả các khách hàng của lần phân công đang chọn về nhân viên thu hồi nợ phụ trách trước đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/assignment_history.py" line="52"/>
        <source>Undo this assignment</source>
        <translation>Hoàn tác lần phân công này</translation>
    </message>
</context>
<context>
    <name>AssignmentLogModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="18"/>
        <source>No collector</source>
        <translation>Không có nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="130"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="132"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="133"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="135"/>
        <source>From</source>
        <translation>Phụ trách cũ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="136"/>
        <source>To</source>
        <translation>Phụ trách mới</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="137"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="138"/>
        <source>Undone</source>
        <translation>Đã hoàn tác</translation>
    </message>
</context>
<context>
    <name>BackgroundTab</name>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business status</source>
        <translation>Tình trạng kinh doanh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business notes</source>
        <translation>Ghi chú kinh doanh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="58"/>
        <source>Financial situation</source>
        <translation>Tình hình tài chính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="59"/>
        <source>Personality &amp; communication</source>
        <translation>Tính cách &amp; cách giao tiếp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Cooperating since</source>
        <translation>Hợp tác từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Credit limit</source>
        <translation>Hạn mức công nợ</translation>
    </message>
</context>
<context>
    <name>BalanceRefresh</name>
    <message>
        <location filename="../fieldapp/ui/visit/balances.py" line="36"/>
        <source>Another record took money from this customer: open balances are updated.</source>
        <translation>Một biên bản khác đã ghi nhận thu tiền của khách hàng này: số dư còn nợ đã được cập nhật.</translation>
    </message>
</context>
<context>
    <name>BatchPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="73"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="80"/>
        <source>Printing %1…</source>
        <translation>Đang in %1…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="86"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="88"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Văn bản PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="96"/>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="97"/>
        <source>The PDF could not be saved to %1:
%2</source>
        <translation>Không lưu được tệp PDF vào %1:
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="106"/>
        <source>%1 pages · %2 documents for %3 customers · signed by %4</source>
        <translation>%1 trang · %2 văn bản cho %3 khách hàng · ký bởi %4</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="109"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="110"/>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/batch_preview.py" line="111"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="107"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="108"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="109"/>
        <source>Customers</source>
        <translation>Số khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="111"/>
        <source>To</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="113"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="119"/>
        <source>Undone</source>
        <translation>Đã hoàn tác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="121"/>
        <source>Undoes an earlier assignment</source>
        <translation>Hoàn tác một lần phân công trước đó</translation>
    </message>
</context>
<context>
    <name>BundleDrop</name>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="38"/>
        <source>Not day bundles</source>
        <translation>Không phải gói dữ liệu trong ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/bundle_drop.py" line="39"/>
        <source>Only day bundles from the laptops (.zip files, or folders of them) can be dropped here. These were not imported:
%1</source>
        <translation>Chỉ có thể thả vào đây các gói dữ liệu trong ngày từ máy tính (tệp .zip, hoặc thư mục chứa các tệp đó). Các mục sau chưa được nhập:
%1</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="22"/>
        <source>Change PIN or passphrase</source>
        <translation>Đổi mã PIN hoặc cụm mật khẩu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="27"/>
        <source>Current PIN or passphrase:</source>
        <translation>Mã PIN hoặc cụm mật khẩu hiện tại:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="28"/>
        <source>New PIN or passphrase:</source>
        <translation>Mã PIN hoặc cụm mật khẩu mới:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="29"/>
        <source>The same again:</source>
        <translation>Nhập lại lần nữa:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/change_pin.py" line="43"/>
        <source>The two new entries are not the same.</source>
        <translation>Hai lần nhập mới không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>CollectorDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="66"/>
        <source>Add a collector</source>
        <translation>Thêm nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="67"/>
        <source>Change a collector</source>
        <translation>Sửa thông tin nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Name:</source>
        <translation>Họ tên:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="68"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="69"/>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_dialog.py" line="71"/>
        <source>Active: customers can be assigned</source>
        <translation>Đang hoạt động: có thể được phân công khách hàng</translation>
    </message>
</context>
<context>
    <name>CollectorsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="13"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="14"/>
        <source>Inactive</source>
        <translation>Ngừng hoạt động</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="24"/>
        <source>No laptop enrolled</source>
        <translation>Chưa đăng ký máy tính nào</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="28"/>
        <source>{device}: enrolled {day}, revoked</source>
        <translation>Thiết bị {device}: đăng ký ngày {day}, đã thu hồi chứng thư</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="31"/>
        <source>{device}: enrolled {day}</source>
        <translation>Thiết bị {device}: đăng ký ngày {day}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="43"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="44"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="45"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="47"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="49"/>
        <source>Customers</source>
        <translation>Số khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="51"/>
        <source>Open follow-ups</source>
        <translation>Việc cần theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="53"/>
        <source>Laptops</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collector_models.py" line="56"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>CollectorsView</name>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Add collector…</source>
        <translation>Thêm nhân viên thu hồi nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="69"/>
        <source>Change…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="70"/>
        <source>Assign customers without a collector…</source>
        <translation>Phân công khách hàng chưa có nhân viên thu hồi nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="71"/>
        <source>Move selected customers…</source>
        <translation>Chuyển các khách hàng đã chọn…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="72"/>
        <source>Assignment history…</source>
        <translation>Lịch sử phân công…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="94"/>
        <source>Activate</source>
        <translation>Kích hoạt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="95"/>
        <source>Deactivate</source>
        <translation>Ngừng kích hoạt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/collectors_view.py" line="102"/>
        <source>Choose a collector to see their customers.</source>
        <translation>Chọn một nhân viên thu hồi nợ để xem các khách hàng của người đó.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/collectors_view.py" line="104"/>
        <source>%n customers of %1</source>
        <translation>
            <numerusform>%n khách hàng của %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="57"/>
        <source>No unfinished visits.</source>
        <translation>Không có buổi làm việc nào chưa hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="124"/>
        <source>Amend a finalized record</source>
        <translation>Sửa đổi biên bản đã hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="125"/>
        <source>The record stays as it was signed. The correction is a new record that refers to it. Why is it corrected?</source>
        <translation>Biên bản đã ký được giữ nguyên. Nội dung sửa đổi là một biên bản mới dẫn chiếu đến biên bản cũ. Lý do sửa đổi là gì?</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="92"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="92"/>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="93"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="94"/>
        <source>New contact&apos;s phone</source>
        <translation>Điện thoại của người liên hệ mới</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="136"/>
        <source>Conflicts waiting for a decision: %1, the oldest first. Nothing was overwritten: each shows the value both sides started from, the office&apos;s and the laptop&apos;s.</source>
        <translation>Xung đột đang chờ quyết định: %1, cũ nhất ở trên cùng. Chưa có gì bị ghi đè: mỗi mục hiển thị giá trị ban đầu chung của hai bên, giá trị của văn phòng và giá trị của máy tính.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="139"/>
        <source>No conflicts: every change from the laptops was applied.</source>
        <translation>Không có xung đột: mọi thay đổi từ các máy tính đều đã được áp dụng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Contact</source>
        <translation>Người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="143"/>
        <source>Detail</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Before</source>
        <translation>Giá trị ban đầu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Office&apos;s value</source>
        <translation>Giá trị của văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="144"/>
        <source>Laptop&apos;s value</source>
        <translation>Giá trị của máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="145"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="146"/>
        <source>Keep the &amp;office&apos;s value</source>
        <translation>Giữ giá trị của &amp;văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="147"/>
        <source>Take the &amp;laptop&apos;s value</source>
        <translation>Lấy giá trị của &amp;máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="148"/>
        <source>or type the right value</source>
        <translation>hoặc nhập giá trị đúng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/conflicts_view.py" line="149"/>
        <source>&amp;Use this value</source>
        <translation>&amp;Dùng giá trị này</translation>
    </message>
</context>
<context>
    <name>ContactField</name>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="33"/>
        <source>Choose a contact or type a name</source>
        <translation>Chọn người liên hệ hoặc nhập tên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="62"/>
        <source>Authority to pay</source>
        <translation>Có thẩm quyền thanh toán</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="32"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="33"/>
        <source>Role</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="34"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="35"/>
        <source>Authority</source>
        <translation>Thẩm quyền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="36"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="37"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="46"/>
        <source>Authority to pay</source>
        <translation>Có thẩm quyền thanh toán</translation>
    </message>
</context>
<context>
    <name>ContractTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="54"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="55"/>
        <source>Signed</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="57"/>
        <source>Goods</source>
        <translation>Hàng hóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="59"/>
        <source>Payment terms</source>
        <translation>Điều khoản thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="61"/>
        <source>Installments</source>
        <translation>Trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="63"/>
        <source>Early-payment discount</source>
        <translation>Chiết khấu thanh toán sớm</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="70"/>
        <source>Net %n days</source>
        <translation>
            <numerusform>Thanh toán trong %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="75"/>
        <source>Allowed</source>
        <translation>Được phép</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="76"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="83"/>
        <source>within %n days</source>
        <translation>
            <numerusform>trong vòng %n ngày</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="45"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="47"/>
        <source>Code</source>
        <translation>Mã KH</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="49"/>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="51"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="55"/>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Code</source>
        <translation>Mã KH</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Credit limit</source>
        <translation>Hạn mức công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="89"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="16"/>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="18"/>
        <source>contact</source>
        <translation>người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="20"/>
        <source>phone</source>
        <translation>điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="22"/>
        <source>code</source>
        <translation>mã</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="24"/>
        <source>tax code or several fields</source>
        <translation>mã số thuế hoặc nhiều trường</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="45"/>
        <source>Found in</source>
        <translation>Tìm thấy ở</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="152"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="154"/>
        <source>More than %n customers match “%1”</source>
        <translation>
            <numerusform>Hơn %n khách hàng khớp với “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="157"/>
        <source>%n customers match “%1”</source>
        <translation>
            <numerusform>%n khách hàng khớp với “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="160"/>
        <source>Customers matching “%1”</source>
        <translation>Khách hàng khớp với “%1”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="162"/>
        <source>All customers</source>
        <translation>Tất cả khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="164"/>
        <source>No customer matches “%1”</source>
        <translation>Không có khách hàng nào khớp với “%1”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="213"/>
        <source>Search name, code, tax code, phone, contact…</source>
        <translation>Tìm theo tên, mã, mã số thuế, điện thoại, người liên hệ…</translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="101"/>
        <source>Pick a customer in the list to see their file</source>
        <translation>Chọn một khách hàng trong danh sách để xem hồ sơ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="104"/>
        <source>Collector: %1</source>
        <translation>Nhân viên thu hồi nợ: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="106"/>
        <source>Collector: nobody yet</source>
        <translation>Nhân viên thu hồi nợ: chưa có</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Invoices</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="113"/>
        <source>Payments</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contacts</source>
        <translation>Người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="114"/>
        <source>Contracts</source>
        <translation>Hợp đồng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="115"/>
        <source>Deliveries</source>
        <translation>Giao hàng</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="75"/>
        <source>Add a customer</source>
        <translation>Thêm khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="76"/>
        <source>Name, code or phone</source>
        <translation>Tên, mã hoặc điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_picker.py" line="77"/>
        <source>Add to the route</source>
        <translation>Thêm vào lộ trình</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Background</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="190"/>
        <source>Contacts</source>
        <translation>Người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Contracts</source>
        <translation>Hợp đồng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="191"/>
        <source>Invoices</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Deliveries</source>
        <translation>Giao hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="192"/>
        <source>Payments</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Visits</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="193"/>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="211"/>
        <source>Pick a customer from today&apos;s route or search (Ctrl+F)</source>
        <translation>Chọn khách hàng trong lộ trình hôm nay hoặc tìm kiếm (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="212"/>
        <source>Correct &amp;details…</source>
        <translation>Sửa &amp;thông tin…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="214"/>
        <source>Correct the address, a contact&apos;s phone or add a contact; the office gets the change with the next sync</source>
        <translation>Sửa địa chỉ, điện thoại của người liên hệ hoặc thêm người liên hệ; văn phòng sẽ nhận thay đổi ở lần đồng bộ tiếp theo</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="82"/>
        <source>Money collected</source>
        <translation>Số tiền đã thu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="89"/>
        <source>Visits</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="91"/>
        <source>Calls</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Kept</source>
        <translation>Đã thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Partially kept</source>
        <translation>Thực hiện một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="96"/>
        <source>Broken</source>
        <translation>Không thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="97"/>
        <source>Still open</source>
        <translation>Đang theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="134"/>
        <source>Money collected per day</source>
        <translation>Số tiền đã thu theo ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Visits and calls</source>
        <translation>Buổi làm việc và cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="135"/>
        <source>Promises</source>
        <translation>Cam kết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_charts.py" line="136"/>
        <source>Aging over time</source>
        <translation>Tuổi nợ theo thời gian</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="120"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="218"/>
        <source>All collectors</source>
        <translation>Tất cả nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="123"/>
        <source>Customers not assigned</source>
        <translation>Khách hàng chưa được phân công</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="160"/>
        <source>%1 days</source>
        <translation>%1 ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="181"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="189"/>
        <source>Export the figures</source>
        <translation>Xuất số liệu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="182"/>
        <source>Workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Tệp Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Figure</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="211"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <source>Formula</source>
        <translation>Công thức</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="185"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="212"/>
        <source>Variant</source>
        <translation>Phương pháp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="193"/>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="200"/>
        <source>Export the chart</source>
        <translation>Xuất biểu đồ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="194"/>
        <source>PNG image (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="205"/>
        <source>&amp;To</source>
        <translation>Đến &amp;ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>&amp;Collector</source>
        <translation>Nhân viên th&amp;u hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="206"/>
        <source>C&amp;urrency</source>
        <translation>&amp;Loại tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="208"/>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="209"/>
        <source>Export table…</source>
        <translation>Xuất bảng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/dashboard_view.py" line="210"/>
        <source>Export chart…</source>
        <translation>Xuất biểu đồ…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../fieldapp/ui/date_edit.py" line="90"/>
        <source>Type a date like %1</source>
        <translation>Nhập ngày theo dạng %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../fieldapp/ui/visit/typed_fields.py" line="25"/>
        <source>Set</source>
        <translation>Có ngày</translation>
    </message>
</context>
<context>
    <name>DayAgreementsDialog</name>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="168"/>
        <source>%1 of %2 ticked (Space ticks or unticks the selected one)</source>
        <translation>Đã chọn %1/%2 (phím Space để chọn hoặc bỏ chọn dòng đang đứng)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="170"/>
        <source>No agreements were made on %1.</source>
        <translation>Không có thỏa thuận nào được lập ngày %1.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="199"/>
        <source>Reading the agreements…</source>
        <translation>Đang đọc các thỏa thuận…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="216"/>
        <source>Print the agreements of %1</source>
        <translation>In các thỏa thuận ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="218"/>
        <source>Printing the agreements…</source>
        <translation>Đang in các thỏa thuận…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="225"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang đến máy in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="230"/>
        <source>Not printed: %1</source>
        <translation>Chưa in được: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="233"/>
        <source>Print agreements of a day</source>
        <translation>In thỏa thuận theo ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="234"/>
        <source>Agreements made on &amp;day:</source>
        <translation>Thỏa thuận lập &amp;ngày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="235"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="236"/>
        <source>All ticked agreements in one print job</source>
        <translation>In mọi thỏa thuận đã chọn trong một lệnh in</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="238"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
</context>
<context>
    <name>DeliveriesTab</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/file_tabs.py" line="118"/>
        <source>%n deliveries don&apos;t match the contract — check them before talking about money</source>
        <translation>
            <numerusform>%n lần giao hàng không khớp hợp đồng — hãy kiểm tra trước khi nói chuyện tiền</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="129"/>
        <source>ordered %1, delivered %2</source>
        <translation>đặt %1, đã giao %2</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="95"/>
        <source>Note</source>
        <translation>Phiếu giao hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="96"/>
        <source>Delivered</source>
        <translation>Ngày giao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="98"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="99"/>
        <source>Ordered</source>
        <translation>SL đặt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="101"/>
        <source>Delivered qty</source>
        <translation>SL đã giao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="104"/>
        <source>Discrepancy</source>
        <translation>Sai khác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="106"/>
        <source>Receiver</source>
        <translation>Người nhận</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="123"/>
        <source>%1, confirmed</source>
        <translation>%1, đã xác nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="125"/>
        <source>%1, not confirmed yet</source>
        <translation>%1, chưa được xác nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="145"/>
        <source>on time</source>
        <translation>đúng giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="146"/>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="147"/>
        <source>%1 h</source>
        <translation>%1 giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="149"/>
        <source>%1 behind</source>
        <translation>chậm %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="150"/>
        <source>%1 ahead</source>
        <translation>nhanh %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="156"/>
        <source>This laptop&apos;s clock seems off by more than 10 minutes: the times of its visits and promises are off by as much. Ask the collector to set the clock (a bundle that took long to arrive also makes a clock look behind).</source>
        <translation>Đồng hồ của máy này có vẻ lệch hơn 10 phút: thời gian của các buổi làm việc và cam kết trên máy cũng lệch chừng ấy. Hãy nhắc nhân viên thu hồi nợ chỉnh lại đồng hồ (một gói dữ liệu đến muộn cũng làm đồng hồ trông như bị chậm).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="161"/>
        <source>The time between the laptop writing its last bundle, by its own clock, and the office receiving it.</source>
        <translation>Khoảng thời gian từ lúc máy tính ghi gói dữ liệu gần nhất (theo đồng hồ của chính máy) đến lúc văn phòng nhận được.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="167"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="171"/>
        <source>Already imported</source>
        <translation>Đã nhập trước đó</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="172"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="172"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Quarantined</source>
        <translation>Bị cách ly</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="178"/>
        <source>Waiting for an earlier bundle from this laptop</source>
        <translation>Đang chờ một gói dữ liệu trước đó từ máy tính này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="206"/>
        <source>Discard bundle</source>
        <translation>Hủy gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="207"/>
        <source>Discard the bundle %1? Its records will not be imported; the laptop can send them again only if it still has them.</source>
        <translation>Hủy gói dữ liệu %1? Các biên bản trong gói sẽ không được nhập; máy tính chỉ có thể gửi lại nếu vẫn còn giữ chúng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Import day bundles</source>
        <translation>Nhập gói dữ liệu trong ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="219"/>
        <source>Day bundles (*.zip)</source>
        <translation>Gói dữ liệu trong ngày (*.zip)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="232"/>
        <source>Importing day bundles…</source>
        <translation>Đang nhập gói dữ liệu trong ngày…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="238"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4

Acknowledgements for the laptops are written at the next sync with the sync folder (Sync › Import arrived bundles), or by the command fieldapp office import-bundles.</source>
        <translation>Đã nhập: %1
Đã nhập trước đó: %2
Đang chờ một gói dữ liệu trước đó: %3
Bị cách ly: %4

Xác nhận cho các máy tính được văn phòng tạo ở lần đồng bộ tiếp theo với thư mục đồng bộ (Đồng bộ › Nhập các gói dữ liệu đã đến), hoặc bằng lệnh fieldapp office import-bundles.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="246"/>
        <source>Day bundles</source>
        <translation>Gói dữ liệu trong ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="251"/>
        <source>Enrolled laptops</source>
        <translation>Máy tính đã đăng ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="252"/>
        <source>Bundles received (the selected laptop&apos;s, or all)</source>
        <translation>Gói dữ liệu đã nhận (của máy tính đang chọn, hoặc tất cả)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Laptop</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Enrolled</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="254"/>
        <source>Revoked</source>
        <translation>Đã thu hồi chứng thư</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <source>Last bundle</source>
        <translation>Gói dữ liệu gần nhất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="255"/>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Pack</source>
        <translation>Gói giao việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Missing</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="256"/>
        <source>Clock</source>
        <translation>Đồng hồ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="257"/>
        <source>Last ack</source>
        <translation>Xác nhận gần nhất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="259"/>
        <source>No laptop is enrolled yet. To enroll one: on the laptop choose Sync › Enroll this laptop… (or run fieldapp enroll request --out FILE) and bring the request here; sign it for its collector with fieldapp office enroll FILE --collector NAME --out ANSWER; then install the answer on the laptop (Sync › Enroll this laptop…, or fieldapp enroll install ANSWER). Its bundles and health show here from then on.</source>
        <translation>Chưa có máy tính nào được đăng ký. Để đăng ký một máy: trên máy tính đó, chọn Đồng bộ › Đăng ký máy này… (hoặc chạy fieldapp enroll request --out FILE) rồi mang yêu cầu về văn phòng; ký yêu cầu cho nhân viên thu hồi nợ của máy bằng lệnh fieldapp office enroll FILE --collector NAME --out ANSWER; sau đó cài đặt phản hồi trên máy tính (Đồng bộ › Đăng ký máy này…, hoặc fieldapp enroll install ANSWER). Từ đó trở đi, các gói dữ liệu và tình trạng của máy sẽ hiển thị ở đây.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Bundle</source>
        <translation>Gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="265"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="266"/>
        <source>Records</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="267"/>
        <source>All laptops</source>
        <translation>Tất cả máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="268"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/devices_view.py" line="269"/>
        <source>Discard…</source>
        <translation>Hủy…</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="24"/>
        <source>Customer&apos;s reason</source>
        <translation>Lý do của khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="27"/>
        <source>Invoices concerned</source>
        <translation>Hóa đơn liên quan</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="28"/>
        <source>What the customer says</source>
        <translation>Khách hàng trình bày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="31"/>
        <source>Customer&apos;s proposed resolution</source>
        <translation>Đề xuất giải quyết của khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="32"/>
        <source>Evidence</source>
        <translation>Bằng chứng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="36"/>
        <source>Escalate by</source>
        <translation>Hạn chuyển cấp trên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="59"/>
        <source>already disputed</source>
        <translation>đã có khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="63"/>
        <source>%1 — the supervisor must have it within 24 hours</source>
        <translation>%1 — cấp trên phải nhận được trong vòng 24 giờ</translation>
    </message>
</context>
<context>
    <name>DocumentInfoPanel</name>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="78"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="79"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="80"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="81"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="83"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="84"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
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
        <translation>Chứng thư THỬ NGHIỆM — không có giá trị làm bằng chứng.
Văn bản được ký bằng khóa thử nghiệm của máy này, không phải bằng chứng thư do công ty cấp.</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="44"/>
        <source>Opening the visit record…</source>
        <translation>Đang mở biên bản làm việc…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="50"/>
        <source>Making the statement of account…</source>
        <translation>Đang lập bảng đối chiếu công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="60"/>
        <source>Making the agreement for signing in ink…</source>
        <translation>Đang lập bản thỏa thuận để ký tay…</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="30"/>
        <source>%1 (development)</source>
        <translation>%1 (thử nghiệm)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="37"/>
        <source>Signed with a development certificate: not valid as evidence</source>
        <translation>Ký bằng chứng thư thử nghiệm: không có giá trị làm bằng chứng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="45"/>
        <source>%1 — replaced by %2</source>
        <translation>%1 — được thay bằng %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="52"/>
        <source>An amendment replaced this document with %1; it is kept unchanged as evidence and can still be verified.</source>
        <translation>Một biên bản sửa đổi đã thay văn bản này bằng %1; văn bản này được giữ nguyên làm bằng chứng và vẫn có thể xác minh.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="66"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="68"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="70"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="72"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="74"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="131"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="137"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="145"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="152"/>
        <source>Printing %1…</source>
        <translation>Đang in %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/viewer.py" line="157"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang đến máy in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="164"/>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="165"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Văn bản PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="173"/>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="174"/>
        <source>The copy could not be saved to %1:
%2</source>
        <translation>Không lưu được bản sao vào %1:
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="178"/>
        <source>Saved a copy to %1</source>
        <translation>Đã lưu bản sao vào %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="195"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="196"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="197"/>
        <source>Print through the system print dialog (Ctrl+P)</source>
        <translation>In qua hộp thoại in của hệ thống (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="198"/>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Lưu bản sao…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="199"/>
        <source>Save the signed PDF, unchanged (Ctrl+S)</source>
        <translation>Lưu tệp PDF đã ký, giữ nguyên nội dung (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="200"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="201"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Phóng to (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="202"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="203"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Thu nhỏ (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="204"/>
        <source>&amp;Fit width</source>
        <translation>&amp;Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="205"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>Hiển thị trang vừa chiều rộng cửa sổ (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="206"/>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="207"/>
        <source>Close the viewer (Esc)</source>
        <translation>Đóng trình xem (Esc)</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="80"/>
        <source>No documents yet. Finalized visits get a signed record; a statement of account can be made at any time.</source>
        <translation>Chưa có văn bản nào. Mỗi buổi làm việc hoàn tất có một biên bản đã ký; bảng đối chiếu công nợ có thể lập bất cứ lúc nào.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="82"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="83"/>
        <source>Open the selected document (Enter)</source>
        <translation>Mở văn bản đang chọn (Enter)</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="23"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="24"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="25"/>
        <source>Last saved</source>
        <translation>Lưu lần cuối</translation>
    </message>
</context>
<context>
    <name>EarlierOutcomesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="177"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="179"/>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="181"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="184"/>
        <source>Now</source>
        <translation>Hiện trạng</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="19"/>
        <source>This database was written by a newer version of fieldapp (schema {version}; this one knows up to {latest}). Install the newer version to open it.</source>
        <translation>Cơ sở dữ liệu này được ghi bởi phiên bản fieldapp mới hơn (cấu trúc dữ liệu phiên bản {version}; phiên bản này chỉ hỗ trợ đến {latest}). Hãy cài đặt phiên bản mới hơn để mở.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="22"/>
        <source>Upgrading the database to schema {step} failed: {reason}</source>
        <translation>Không nâng cấp được cơ sở dữ liệu lên cấu trúc dữ liệu phiên bản {step}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="24"/>
        <source>Upgrading the database to schema {step} failed: {reason}. The database as it was before is saved as {backup}.</source>
        <translation>Không nâng cấp được cơ sở dữ liệu lên cấu trúc dữ liệu phiên bản {step}: {reason}. Cơ sở dữ liệu trước khi nâng cấp đã được lưu thành {backup}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="27"/>
        <source>The database {database} is damaged and cannot be read. It was left as it is.</source>
        <translation>Cơ sở dữ liệu {database} bị hỏng và không đọc được. Tệp được giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="29"/>
        <source>{database} is a folder where the database file should be. Move the folder away or choose another profile folder.</source>
        <translation>{database} là một thư mục, nhưng ở đó phải là tệp cơ sở dữ liệu. Hãy di chuyển thư mục này đi nơi khác hoặc chọn thư mục dữ liệu người dùng khác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="32"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only. fieldapp keeps its database there.</source>
        <translation>Không ghi được vào thư mục dữ liệu người dùng {folder}: thư mục hoặc ổ đĩa chứa nó chỉ cho phép đọc. fieldapp lưu cơ sở dữ liệu tại thư mục này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="35"/>
        <source>The database {database} cannot be opened: {reason}</source>
        <translation>Không mở được cơ sở dữ liệu {database}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="37"/>
        <source>The disk holding {database} is full, so the last change was not written. Free some space and try again.</source>
        <translation>Ổ đĩa chứa {database} đã đầy nên thay đổi gần nhất chưa được ghi. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="40"/>
        <source>The backup {backup} could not be restored: {reason}. The damaged database was left as it was.</source>
        <translation>Không khôi phục được bản sao lưu {backup}: {reason}. Cơ sở dữ liệu bị hỏng được giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="43"/>
        <source>This customer is no longer in the portfolio.</source>
        <translation>Khách hàng này không còn trong danh mục khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="45"/>
        <source>This visit no longer exists.</source>
        <translation>Buổi làm việc này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="46"/>
        <source>This document no longer exists.</source>
        <translation>Văn bản này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="47"/>
        <source>This attachment no longer exists.</source>
        <translation>Tệp đính kèm này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="48"/>
        <source>This visit is final: record a correction as an amendment.</source>
        <translation>Buổi làm việc này đã hoàn tất: hãy ghi nhận nội dung chỉnh sửa bằng biên bản sửa đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="50"/>
        <source>This visit is final and cannot be discarded.</source>
        <translation>Buổi làm việc này đã hoàn tất nên không thể hủy.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="52"/>
        <source>This visit was already finalized.</source>
        <translation>Buổi làm việc này đã được hoàn tất trước đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="53"/>
        <source>Only unfinished visits are saved; a final visit is corrected by an amendment.</source>
        <translation>Chỉ lưu được buổi làm việc chưa hoàn tất; buổi làm việc đã hoàn tất được chỉnh sửa bằng biên bản sửa đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="55"/>
        <source>The documents of a visit are made once it is finalized.</source>
        <translation>Văn bản của buổi làm việc chỉ được lập sau khi hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="57"/>
        <source>The visit cannot be finalized yet: some steps still have problems.</source>
        <translation>Chưa thể hoàn tất buổi làm việc: một số bước vẫn còn lỗi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="59"/>
        <source>This visit was recorded by a newer version of fieldapp; install it to open the visit.</source>
        <translation>Buổi làm việc này được ghi bằng phiên bản fieldapp mới hơn; hãy cài đặt phiên bản đó để mở.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="62"/>
        <source>Say why the visit is amended.</source>
        <translation>Hãy nêu lý do sửa đổi buổi làm việc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="63"/>
        <source>Only a final visit can be amended; finish the unfinished one instead.</source>
        <translation>Chỉ buổi làm việc đã hoàn tất mới có thể sửa đổi; buổi làm việc chưa hoàn tất thì hãy tiếp tục và hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="65"/>
        <source>Receipt {receipts} was already issued: only the office can void a receipt, an amendment cannot remove it.</source>
        <translation>Biên nhận {receipts} đã được xuất: chỉ văn phòng mới có thể hủy biên nhận, biên bản sửa đổi không thể xóa biên nhận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="68"/>
        <source>This visit has no installment plan {index}.</source>
        <translation>Buổi làm việc này không có kế hoạch trả góp {index}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="70"/>
        <source>The document could not be read: the file is damaged.</source>
        <translation>Không đọc được văn bản: tệp bị hỏng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="72"/>
        <source>Document {number} could not be made. The visit is finalized and its money recorded; the document waits as pending: press Retry under the visit. The details are in the log.</source>
        <translation>Không lập được văn bản {number}. Buổi làm việc đã hoàn tất và số tiền đã được ghi nhận; văn bản đang chờ lập: hãy bấm Thử lại bên dưới buổi làm việc. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="76"/>
        <source>The stored record of this visit was changed outside fieldapp: it no longer matches its fingerprint.</source>
        <translation>Biên bản đã lưu của buổi làm việc này đã bị thay đổi bên ngoài fieldapp: không còn khớp với mã băm (dấu vân tay số) của biên bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="79"/>
        <source>The checklist “{kind}” is missing from this installation; reinstall fieldapp.</source>
        <translation>Bản cài đặt này thiếu danh sách kiểm tra “{kind}”; hãy cài đặt lại fieldapp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="81"/>
        <source>A checklist was written for a newer version of fieldapp; install the newer version.</source>
        <translation>Có danh sách kiểm tra được soạn cho phiên bản fieldapp mới hơn; hãy cài đặt phiên bản mới hơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="84"/>
        <source>{path} is not a file.</source>
        <translation>{path} không phải là tệp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="85"/>
        <source>{name} cannot be attached: attach files from 1 byte to 20 MB.</source>
        <translation>Không đính kèm được {name}: chỉ đính kèm được tệp có dung lượng từ 1 byte đến 20 MB.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="87"/>
        <source>The profile folder {folder} cannot be created: {reason}</source>
        <translation>Không tạo được thư mục dữ liệu người dùng {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="89"/>
        <source>The profile folder was given as an empty name.</source>
        <translation>Tên thư mục dữ liệu người dùng đang để trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="91"/>
        <source>{folder} is a file, not a folder: choose a folder for the profile.</source>
        <translation>{folder} là tệp, không phải thư mục: hãy chọn một thư mục làm thư mục dữ liệu người dùng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="93"/>
        <source>fieldapp is already running with the profile {folder}. Use that window: two programs on one profile would overwrite each other&apos;s drafts.</source>
        <translation>fieldapp đang chạy với thư mục dữ liệu người dùng {folder}. Hãy dùng cửa sổ đó: hai chương trình dùng chung một thư mục dữ liệu người dùng sẽ ghi đè bản nháp của nhau.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="96"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only.</source>
        <translation>Không ghi được vào thư mục dữ liệu người dùng {folder}: thư mục hoặc ổ đĩa chứa nó chỉ cho phép đọc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="98"/>
        <source>There is no display to show the window on.</source>
        <translation>Không có màn hình để hiển thị cửa sổ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="100"/>
        <source>There is no profile folder to keep this device&apos;s signing keys in.</source>
        <translation>Không có thư mục dữ liệu người dùng để lưu khóa ký của thiết bị này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="102"/>
        <source>This laptop&apos;s signing key in {path} is damaged, so nothing was signed. Move the file away to have a new key made; documents signed before stay valid.</source>
        <translation>Khóa ký của máy này tại {path} bị hỏng nên chưa có gì được ký. Hãy chuyển tệp đó sang chỗ khác để tạo khóa mới; các văn bản đã ký trước đây vẫn có giá trị.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="105"/>
        <source>The certificate in {path} does not belong to this laptop&apos;s signing key, so nothing was signed.</source>
        <translation>Chứng thư tại {path} không thuộc về khóa ký của máy này nên chưa có gì được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="108"/>
        <source>The signing key file {path} has no whole certificate, so nothing was signed.</source>
        <translation>Tệp khóa ký {path} không chứa chứng thư đầy đủ nên chưa có gì được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="110"/>
        <source>The company certificate in {path} is damaged, so nothing was signed.</source>
        <translation>Chứng thư của công ty tại {path} bị hỏng nên chưa có gì được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="112"/>
        <source>“{value}” is not one of the values this setting allows.</source>
        <translation>“{value}” không phải là giá trị được phép cho mục cài đặt này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="114"/>
        <source>“{zone}” is not a time zone: use a name like Asia/Taipei or an offset like +07:00.</source>
        <translation>“{zone}” không phải là múi giờ: hãy dùng tên như Asia/Ho_Chi_Minh hoặc độ lệch giờ như +07:00.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="117"/>
        <source>The currency {currency} is not supported.</source>
        <translation>Không hỗ trợ loại tiền {currency}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="119"/>
        <source>Amounts in {first} and {second} cannot be added together.</source>
        <translation>Không thể cộng số tiền bằng {first} với số tiền bằng {second}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="121"/>
        <source>“{text}” is not an amount.</source>
        <translation>“{text}” không phải là số tiền hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="122"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>“{text}” có nhiều chữ số thập phân hơn mức {currency} cho phép.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="124"/>
        <source>“{text}” is too large: one amount can be at most {limit}.</source>
        <translation>“{text}” quá lớn: mỗi số tiền tối đa là {limit}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="126"/>
        <source>An installment plan needs at least one installment.</source>
        <translation>Kế hoạch trả góp cần có ít nhất một kỳ trả góp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="128"/>
        <source>The demo portfolio needs at least one customer.</source>
        <translation>Danh mục khách hàng mẫu cần có ít nhất một khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="130"/>
        <source>Demo data can only be generated into an empty database.</source>
        <translation>Chỉ có thể tạo dữ liệu mẫu trong cơ sở dữ liệu trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="132"/>
        <source>The database already holds {count} customers.</source>
        <translation>Cơ sở dữ liệu đã có {count} khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="10"/>
        <source>The file cannot be read as a receivables export. Nothing was imported.</source>
        <translation>Không đọc được tệp này như một tệp xuất công nợ. Chưa có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="12"/>
        <source>The file has {count} problems that concern all of it (totals that do not add up, dates that read two ways, lost letters). Nothing was imported.</source>
        <translation>Tệp có {count} lỗi liên quan đến toàn bộ tệp (tổng cộng không khớp, ngày có thể hiểu theo hai cách, ký tự bị mất). Chưa có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="15"/>
        <source>This is a summary with one balance per customer and no invoices, so it is not imported as invoices. It can be loaded as opening balances on a date.</source>
        <translation>Đây là bảng tổng hợp, mỗi khách hàng chỉ có một số dư và không có hóa đơn, nên không nhập được dưới dạng hóa đơn. Có thể nhập các số dư này làm số dư đầu kỳ tại một ngày.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="18"/>
        <source>{count} rows have problems. Nothing was imported. Fix them, or import the other rows and skip these.</source>
        <translation>{count} dòng có lỗi. Chưa có dữ liệu nào được nhập. Hãy sửa các dòng này, hoặc nhập các dòng còn lại và bỏ qua các dòng lỗi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="21"/>
        <source>The file holds no invoices. Nothing was imported.</source>
        <translation>Tệp không có hóa đơn nào. Chưa có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="23"/>
        <source>There is no source called {source}.</source>
        <translation>Không có nguồn dữ liệu nào tên là {source}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="24"/>
        <source>&quot;{name}&quot; cannot name a source: use 1 to {limit} characters.</source>
        <translation>“{name}” không dùng được làm tên nguồn dữ liệu: hãy dùng từ 1 đến {limit} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="27"/>
        <source>There is no collector “{collector}”.</source>
        <translation>Không tìm thấy nhân viên thu hồi nợ “{collector}”.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="28"/>
        <source>There is no customer with the code “{customer_code}”.</source>
        <translation>Không có khách hàng nào có mã “{customer_code}”.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="30"/>
        <source>Customer {customer} is not assigned to this collector: assign it first or leave it off the route.</source>
        <translation>Khách hàng {customer} không được phân công cho nhân viên thu hồi nợ này: hãy phân công trước hoặc bỏ khách hàng này ra khỏi lộ trình.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="33"/>
        <source>Customer {customer} is on the route twice (again at stop {stop}).</source>
        <translation>Khách hàng {customer} có mặt hai lần trong lộ trình (lặp lại ở điểm đến số {stop}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="35"/>
        <source>{count} stops are more than a day holds (at most {limit}).</source>
        <translation>{count} điểm đến là quá nhiều cho một ngày (tối đa {limit}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="37"/>
        <source>“{text}” is not a time of day: type it as HH:MM, for example 08:30.</source>
        <translation>“{text}” không phải là giờ hợp lệ: hãy nhập theo dạng HH:MM, ví dụ 08:30.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="40"/>
        <source>{bucket} is not an aging bucket; choose current, 1–30, 31–60, 61–90 or 90+.</source>
        <translation>{bucket} không phải là nhóm tuổi nợ hợp lệ; hãy chọn trong hạn, 1–30, 31–60, 61–90 hoặc 90+.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="42"/>
        <source>A collector needs a name.</source>
        <translation>Nhân viên thu hồi nợ phải có họ tên.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="43"/>
        <source>A collector&apos;s name has at most {max} characters, not {length}.</source>
        <translation>Họ tên nhân viên thu hồi nợ tối đa {max} ký tự, hiện có {length} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="45"/>
        <source>A collector&apos;s phone has at most {max} characters, not {length}.</source>
        <translation>Số điện thoại của nhân viên thu hồi nợ tối đa {max} ký tự, hiện có {length} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="47"/>
        <source>{language} is not a language a collector can use; choose one of {languages}.</source>
        <translation>{language} không phải là ngôn ngữ mà nhân viên thu hồi nợ có thể dùng; hãy chọn một trong các ngôn ngữ: {languages}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="49"/>
        <source>There is no collector {collector}.</source>
        <translation>Không tìm thấy nhân viên thu hồi nợ {collector}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="50"/>
        <source>There is already a collector named {name}; choose another name.</source>
        <translation>Đã có nhân viên thu hồi nợ tên {name}; hãy chọn tên khác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="52"/>
        <source>{name} has {count} customers and cannot be deleted. Deactivate the collector instead, or move the customers first.</source>
        <translation>{name} đang phụ trách {count} khách hàng nên không thể xóa. Thay vào đó, hãy ngừng kích hoạt nhân viên thu hồi nợ này, hoặc chuyển các khách hàng sang người khác trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="55"/>
        <source>{name} appears in the assignment history or on routes and cannot be deleted. Deactivate the collector instead.</source>
        <translation>{name} có trong lịch sử phân công hoặc trong các lộ trình nên không thể xóa. Thay vào đó, hãy ngừng kích hoạt nhân viên thu hồi nợ này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="58"/>
        <source>{name} is not active. Activate the collector before assigning customers.</source>
        <translation>{name} đang ngừng hoạt động. Hãy kích hoạt nhân viên thu hồi nợ này trước khi phân công khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="60"/>
        <source>No customer has the code {codes}.</source>
        <translation>Không có khách hàng nào có mã {codes}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="61"/>
        <source>Choose the customers or a filter, not both.</source>
        <translation>Hãy chọn khách hàng hoặc bộ lọc, không chọn cả hai.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="63"/>
        <source>The matching customers changed since they were counted ({expected} then, {now} now). Nothing was assigned; check the list and try again.</source>
        <translation>Danh sách khách hàng phù hợp đã thay đổi kể từ lúc đếm (lúc đó {expected}, hiện nay {now}). Chưa phân công khách hàng nào; hãy kiểm tra lại danh sách và thử lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="66"/>
        <source>This assignment cannot be found any more.</source>
        <translation>Không còn tìm thấy lần phân công này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="68"/>
        <source>This assignment was already undone.</source>
        <translation>Lần phân công này đã được hoàn tác trước đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="70"/>
        <source>This assignment cannot be undone: {count} of its customers changed collector since ({customers}). Nothing was undone.</source>
        <translation>Không thể hoàn tác lần phân công này: {count} khách hàng trong đó đã đổi nhân viên thu hồi nợ kể từ lúc phân công ({customers}). Chưa có gì được hoàn tác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="74"/>
        <source>The office database already holds {count} customers.</source>
        <translation>Cơ sở dữ liệu của văn phòng đã có {count} khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="76"/>
        <source>The office database {database} lacks the pg_trgm extension that customer search needs, and this account may not install it. The database owner has to run CREATE EXTENSION pg_trgm in it once.</source>
        <translation>Cơ sở dữ liệu văn phòng {database} thiếu phần mở rộng pg_trgm mà việc tìm khách hàng cần, và tài khoản này không được phép cài nó. Chủ sở hữu cơ sở dữ liệu cần chạy CREATE EXTENSION pg_trgm một lần trong đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="80"/>
        <source>{url} is not a database address this program can use. Write it as postgresql+psycopg://user:password@host:5432/database.</source>
        <translation>{url} không phải địa chỉ cơ sở dữ liệu mà chương trình dùng được. Hãy viết theo dạng postgresql+psycopg://user:password@host:5432/database.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="83"/>
        <source>The database server {server} cannot be reached. Check the address and that the server is running.</source>
        <translation>Không kết nối được máy chủ cơ sở dữ liệu {server}. Hãy kiểm tra địa chỉ và máy chủ có đang chạy không.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="86"/>
        <source>The database server {server} refused the user {user}. Check the user name and the password.</source>
        <translation>Máy chủ cơ sở dữ liệu {server} từ chối người dùng {user}. Hãy kiểm tra tên người dùng và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="89"/>
        <source>The database server {server} has no database named {database}.</source>
        <translation>Máy chủ cơ sở dữ liệu {server} không có cơ sở dữ liệu nào tên {database}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="91"/>
        <source>The database server {server} refused the connection: {reason}</source>
        <translation>Máy chủ cơ sở dữ liệu {server} từ chối kết nối: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="93"/>
        <source>The demo opens a throwaway office of its own and never uses the database {url}.</source>
        <translation>Bản trình diễn mở một văn phòng tạm thời riêng và không bao giờ dùng cơ sở dữ liệu {url}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="10"/>
        <source>This laptop&apos;s company certificate expired on {until}, so nothing was signed. Ask the office to enroll it again.</source>
        <translation>Chứng thư công ty của máy này đã hết hạn vào ngày {until} nên chưa có gì được ký. Hãy đề nghị văn phòng đăng ký lại cho máy này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="13"/>
        <source>This file is not a fieldapp bundle.</source>
        <translation>Tệp này không phải là gói dữ liệu fieldapp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="15"/>
        <source>The bundle is too large to be read safely: {size} bytes where at most {limit} are allowed.</source>
        <translation>Gói dữ liệu quá lớn để có thể đọc an toàn: {size} byte, trong khi chỉ cho phép tối đa {limit} byte.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="18"/>
        <source>The bundle member {member} would inflate far more than a real file does, so it was not opened.</source>
        <translation>Tệp {member} trong gói dữ liệu khi giải nén sẽ lớn hơn nhiều so với một tệp thông thường, nên đã không được mở.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="21"/>
        <source>The bundle holds a member with a name that is not allowed: {member}.</source>
        <translation>Gói dữ liệu chứa một tệp có tên không được phép: {member}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="23"/>
        <source>The bundle holds the member {member} twice.</source>
        <translation>Gói dữ liệu chứa tệp {member} hai lần.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="25"/>
        <source>The bundle holds a member its list does not name: {member}.</source>
        <translation>Gói dữ liệu chứa một tệp không có trong danh mục của gói: {member}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="27"/>
        <source>The bundle lacks the member {member} that its list names.</source>
        <translation>Gói dữ liệu thiếu tệp {member} mà danh mục của gói có ghi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="29"/>
        <source>The bundle member {member} was changed after the bundle was signed.</source>
        <translation>Tệp {member} trong gói dữ liệu đã bị thay đổi sau khi gói được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="31"/>
        <source>The bundle&apos;s signature does not verify: it was changed or damaged.</source>
        <translation>Không xác minh được chữ ký số của gói dữ liệu: gói đã bị thay đổi hoặc bị hỏng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="33"/>
        <source>The bundle was signed by {signer}, whose certificate the company did not issue.</source>
        <translation>Gói dữ liệu được ký bởi {signer}, nhưng chứng thư của bên ký không do công ty cấp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="36"/>
        <source>The certificate of {signer} is not valid now.</source>
        <translation>Chứng thư của {signer} hiện không có hiệu lực.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="38"/>
        <source>The bundle was signed by {signer}, a laptop the office revoked.</source>
        <translation>Gói dữ liệu được ký bởi {signer}, một máy tính đã bị văn phòng thu hồi chứng thư.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="40"/>
        <source>The bundle was made by a newer fieldapp (format {format}; this one reads up to {known}). Install the newer version.</source>
        <translation>Gói dữ liệu được tạo bởi phiên bản fieldapp mới hơn (định dạng {format}; phiên bản này chỉ đọc được đến {known}). Hãy cài đặt phiên bản mới hơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="43"/>
        <source>The bundle&apos;s list of contents is not valid.</source>
        <translation>Danh mục nội dung của gói dữ liệu không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="45"/>
        <source>The bundle says it comes from another laptop than the one that signed it.</source>
        <translation>Gói dữ liệu ghi rằng nó đến từ một máy tính khác với máy đã ký gói.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="47"/>
        <source>This is not the kind of bundle expected here.</source>
        <translation>Gói dữ liệu này không đúng loại cần dùng ở đây.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="49"/>
        <source>{file} is not a certificate request from fieldapp.</source>
        <translation>{file} không phải là yêu cầu cấp chứng thư do fieldapp tạo.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="51"/>
        <source>The office already has a company CA; it is never replaced.</source>
        <translation>Văn phòng đã có CA của công ty; CA này không bao giờ được thay thế.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="53"/>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation>Cụm mật khẩu phải có ít nhất {minimum} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="55"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>Hai cụm mật khẩu không khớp nhau; chưa có gì được tạo.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="57"/>
        <source>The company CA&apos;s passphrase is needed.</source>
        <translation>Cần nhập cụm mật khẩu của CA công ty.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="59"/>
        <source>The office has no company CA yet: create it first.</source>
        <translation>Văn phòng chưa có CA của công ty: hãy tạo CA trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="61"/>
        <source>The office key file {path} cannot be read.</source>
        <translation>Không đọc được tệp khóa {path} của văn phòng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="63"/>
        <source>The passphrase does not open the company CA&apos;s key.</source>
        <translation>Cụm mật khẩu này không mở được khóa của CA công ty.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="65"/>
        <source>{file} is not a valid enrollment answer.</source>
        <translation>{file} không phải là tệp phản hồi đăng ký hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="67"/>
        <source>This enrollment answer is for another laptop; nothing was installed.</source>
        <translation>Tệp phản hồi đăng ký này dành cho một máy tính khác; chưa có gì được cài đặt.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="69"/>
        <source>This laptop is enrolled with another company ({company}); nothing was installed.</source>
        <translation>Máy này đã được đăng ký với một công ty khác ({company}); chưa có gì được cài đặt.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="72"/>
        <source>There is no collector named {collector}.</source>
        <translation>Không có nhân viên thu hồi nợ nào tên là {collector}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="74"/>
        <source>This laptop was revoked and cannot be enrolled again.</source>
        <translation>Máy tính này đã bị thu hồi chứng thư và không thể đăng ký lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="76"/>
        <source>This laptop is enrolled with another key; revoke it first.</source>
        <translation>Máy tính này đã được đăng ký với một khóa khác; hãy thu hồi chứng thư của máy này trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="78"/>
        <source>There is no enrolled laptop {device}.</source>
        <translation>Không có máy tính nào đã đăng ký với mã thiết bị {device}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="80"/>
        <source>{device} matches {count} laptops; give more of the id.</source>
        <translation>“{device}” khớp với {count} máy tính; hãy nhập mã thiết bị đầy đủ hơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="97"/>
        <source>“{field}” is not a field of a column mapping. The fields are: {fields}.</source>
        <translation>“{field}” không phải là trường dữ liệu của cách ghép cột. Các trường dữ liệu là: {fields}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="99"/>
        <source>The column of {field} has no name: give its header as the file has it.</source>
        <translation>Cột của {field} chưa có tên: hãy ghi tiêu đề cột đúng như trong tệp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="101"/>
        <source>Choose the column of the customer code or name.</source>
        <translation>Hãy chọn cột mã hoặc tên khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="103"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation>Hãy chọn ít nhất một cột số tiền: số tiền, số tiền còn nợ, ghi Nợ, ghi Có hoặc số dư.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="106"/>
        <source>The column “{header}” is chosen for two fields: choose each column once.</source>
        <translation>Cột “{header}” được chọn cho hai trường dữ liệu: mỗi cột chỉ chọn một lần.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="108"/>
        <source>“{dates}” is not a date order. Use one of: {orders}.</source>
        <translation>“{dates}” không phải là thứ tự ngày. Hãy dùng một trong: {orders}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="110"/>
        <source>The decimal mark “{decimal}” and the group mark “{group}” cannot be read together.</source>
        <translation>Dấu thập phân “{decimal}” và dấu phân nhóm “{group}” không thể dùng cùng nhau.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="113"/>
        <source>The header line is counted from 1, not {line}.</source>
        <translation>Dòng tiêu đề được đếm từ 1, không phải {line}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="83"/>
        <source>{collector} has no enrolled laptop; enroll one before making a pack.</source>
        <translation>Nhân viên thu hồi nợ {collector} chưa có máy tính nào được đăng ký; hãy đăng ký một máy trước khi tạo gói giao việc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="85"/>
        <source>The assignment pack is damaged and was not applied.</source>
        <translation>Gói giao việc bị hỏng và chưa được áp dụng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="87"/>
        <source>This assignment pack is for another laptop.</source>
        <translation>Gói giao việc này dành cho máy tính khác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="89"/>
        <source>This assignment pack is not newer than the one already applied.</source>
        <translation>Gói giao việc này không mới hơn gói đã áp dụng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="91"/>
        <source>This assignment pack expired on {expired}; ask the office for a new one.</source>
        <translation>Gói giao việc này đã hết hạn ngày {expired}; hãy xin văn phòng gói mới.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="93"/>
        <source>This laptop is not enrolled with the office yet.</source>
        <translation>Máy này chưa được đăng ký với văn phòng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="96"/>
        <source>This acknowledgement is for another laptop. Nothing was removed.</source>
        <translation>Xác nhận này dành cho máy tính khác. Không có gì bị xóa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="98"/>
        <source>This acknowledgement covers more than this laptop has sent. Nothing was removed.</source>
        <translation>Xác nhận này vượt quá những gì máy này đã gửi. Không có gì bị xóa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="101"/>
        <source>The records in this bundle cannot be imported: {reason}</source>
        <translation>Không thể nhập các biên bản trong gói dữ liệu này: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="103"/>
        <source>This laptop sent two different bundles with the same number.</source>
        <translation>Máy tính này đã gửi hai gói dữ liệu khác nhau cùng một số thứ tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="105"/>
        <source>This laptop is not enrolled with this office.</source>
        <translation>Máy tính này chưa được đăng ký với văn phòng này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="107"/>
        <source>There is no bundle file in {path}.</source>
        <translation>Không có tệp gói dữ liệu nào trong {path}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="116"/>
        <source>This bundle is no longer waiting: it was imported or discarded meanwhile.</source>
        <translation>Gói dữ liệu này không còn ở trạng thái chờ: trong lúc đó nó đã được nhập hoặc đã bị hủy.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="119"/>
        <source>The sync folder {folder} cannot be found (a drive not connected, or the folder moved?). Nothing was imported.</source>
        <translation>Không tìm thấy thư mục đồng bộ {folder} (ổ đĩa chưa được kết nối, hoặc thư mục đã bị di chuyển?). Chưa có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="123"/>
        <source>Type the phone number.</source>
        <translation>Hãy nhập số điện thoại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="124"/>
        <source>The phone number is too long: at most {max} characters.</source>
        <translation>Số điện thoại quá dài: tối đa {max} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="126"/>
        <source>This is not a phone number: use digits (at least 6), spaces and + - ( ) . / only.</source>
        <translation>Đây không phải là số điện thoại: chỉ dùng chữ số (ít nhất 6 chữ số), dấu cách và các ký tự + - ( ) . /</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="129"/>
        <source>Type the contact&apos;s name.</source>
        <translation>Hãy nhập tên người liên hệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="130"/>
        <source>The name is too long: at most {max} characters.</source>
        <translation>Tên quá dài: tối đa {max} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="132"/>
        <source>Type the address line.</source>
        <translation>Hãy nhập dòng địa chỉ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="133"/>
        <source>The address is too long: at most {max} characters per line.</source>
        <translation>Địa chỉ quá dài: tối đa {max} ký tự mỗi dòng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="135"/>
        <source>This detail cannot be changed on a laptop.</source>
        <translation>Không thể thay đổi thông tin này trên máy tính.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="137"/>
        <source>This customer is no longer on this computer.</source>
        <translation>Khách hàng này không còn trên máy tính này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="139"/>
        <source>This contact is no longer on this computer.</source>
        <translation>Người liên hệ này không còn trên máy tính này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="141"/>
        <source>The customer already has a contact called {name}: change that one&apos;s phone.</source>
        <translation>Khách hàng đã có người liên hệ tên {name}: hãy sửa điện thoại của người đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="143"/>
        <source>Choose the office&apos;s value, the laptop&apos;s value or type one.</source>
        <translation>Hãy chọn giá trị của văn phòng, giá trị của máy tính hoặc nhập một giá trị.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="145"/>
        <source>Type the value to keep.</source>
        <translation>Hãy nhập giá trị cần giữ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="146"/>
        <source>This conflict no longer exists.</source>
        <translation>Xung đột này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="147"/>
        <source>This conflict was already resolved, perhaps by another supervisor.</source>
        <translation>Xung đột này đã được giải quyết, có thể bởi một cấp trên khác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="149"/>
        <source>The customer is no longer in the office&apos;s records: keep the office&apos;s value.</source>
        <translation>Khách hàng này không còn trong hồ sơ và biên bản của văn phòng: hãy giữ giá trị của văn phòng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="152"/>
        <source>This assignment pack holds changes to a version this laptop does not hold. Nothing was changed; ask the office for a full pack.</source>
        <translation>Gói giao việc này chứa thay đổi cho một phiên bản mà máy này không có. Chưa có gì thay đổi; hãy xin văn phòng một gói giao việc đầy đủ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="110"/>
        <source>No sync folder is set. Choose one in Settings.</source>
        <translation>Chưa chọn thư mục đồng bộ. Hãy chọn một thư mục trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="112"/>
        <source>The sync folder {path} is not there. Connect the drive or plug in the USB stick, then sync again. Nothing was changed.</source>
        <translation>Không có thư mục đồng bộ {path}. Hãy kết nối ổ đĩa hoặc cắm USB, rồi đồng bộ lại. Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="115"/>
        <source>The sync folder {path} cannot be read or written: {reason}. What was done is kept; the next sync does the rest.</source>
        <translation>Không đọc hoặc ghi được thư mục đồng bộ {path}: {reason}. Những gì đã làm được vẫn được giữ; lần đồng bộ tiếp theo sẽ làm nốt phần còn lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="118"/>
        <source>The file {file} in the sync folder cannot be read: {reason}. It was left there.</source>
        <translation>Không đọc được tệp {file} trong thư mục đồng bộ: {reason}. Tệp vẫn được để lại ở đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="156"/>
        <source>The period ends on {last}, before it starts on {first}.</source>
        <translation>Kỳ kết thúc ngày {last}, trước ngày bắt đầu {first}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="158"/>
        <source>The period from {first} to {last} is longer than {days} days.</source>
        <translation>Kỳ từ {first} đến {last} dài hơn {days} ngày.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="160"/>
        <source>There is no collector named “{collector}”.</source>
        <translation>Không có nhân viên thu hồi nợ nào tên là “{collector}”.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="122"/>
        <source>This passphrase or PIN is not the right one.</source>
        <translation>Cụm mật khẩu hoặc mã PIN này không đúng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="124"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation>Nhập sai quá nhiều lần. Hãy đợi {seconds} giây rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="126"/>
        <source>The key file of this profile cannot be read ({path}): the profile cannot be opened.</source>
        <translation>Không đọc được tệp khóa của dữ liệu người dùng này ({path}): không mở được dữ liệu người dùng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="129"/>
        <source>The key file of this profile is missing ({path}). The database is not damaged, but it is encrypted and cannot be opened without its key file, not even with the right PIN. Put back the copy of the key file from where it was copied, next to the database, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation>Thiếu tệp khóa của dữ liệu người dùng này ({path}). Cơ sở dữ liệu không bị hỏng, nhưng đã được mã hóa và không thể mở nếu không có tệp khóa, kể cả khi nhập đúng mã PIN. Hãy lấy bản sao của tệp khóa từ nơi đã sao chép và đặt lại cạnh cơ sở dữ liệu, hoặc đề nghị cấp trên đăng ký lại máy này với một dữ liệu người dùng mới.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="134"/>
        <source>The passphrase or PIN must have at least {least} characters.</source>
        <translation>Cụm mật khẩu hoặc mã PIN phải có ít nhất {least} ký tự.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="136"/>
        <source>The profile could not be encrypted ({reason}). It was left as it was.</source>
        <translation>Không mã hóa được dữ liệu người dùng ({reason}). Dữ liệu được giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="138"/>
        <source>This profile is encrypted and no passphrase was given.</source>
        <translation>Dữ liệu người dùng này đã được mã hóa nhưng chưa nhập cụm mật khẩu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="140"/>
        <source>The two passphrases are not the same.</source>
        <translation>Hai cụm mật khẩu không khớp nhau.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="163"/>
        <source>This is not a review state: choose approved, has issues or rejected.</source>
        <translation>Đây không phải là tình trạng duyệt hợp lệ: hãy chọn đã duyệt, có vấn đề hoặc bị từ chối.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="165"/>
        <source>Say why the record is rejected: a reason is required.</source>
        <translation>Hãy nêu lý do từ chối biên bản: bắt buộc phải có lý do.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="167"/>
        <source>Write the comment first.</source>
        <translation>Hãy viết nhận xét trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="168"/>
        <source>The text is too long ({length} characters; at most {max}).</source>
        <translation>Nội dung quá dài ({length} ký tự; tối đa {max}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="170"/>
        <source>{expected} records matched when you confirmed, {found} match now. Nothing was changed; look at the list again.</source>
        <translation>Lúc bạn xác nhận có {expected} biên bản phù hợp, hiện nay có {found}. Chưa có gì được thay đổi; hãy xem lại danh sách.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="173"/>
        <source>The comment to correct is not a comment on this record.</source>
        <translation>Nhận xét cần sửa không phải là nhận xét của biên bản này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="175"/>
        <source>No imported record has the id {id}.</source>
        <translation>Không có biên bản đã nhập nào có mã {id}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="177"/>
        <source>Several imported records start with {id}; type more of the id.</source>
        <translation>Có nhiều biên bản đã nhập có mã bắt đầu bằng {id}; hãy gõ thêm ký tự của mã.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="180"/>
        <source>The database server {server} accepts encrypted connections only. Ask the administrator for the connection address with the certificate settings.</source>
        <translation>Máy chủ cơ sở dữ liệu {server} chỉ chấp nhận kết nối đã mã hóa. Hãy hỏi quản trị viên địa chỉ kết nối có kèm cài đặt chứng thư.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="183"/>
        <source>The database server {server} could not be verified: its certificate is not the one the office expects. Nothing was sent to it.</source>
        <translation>Không xác minh được máy chủ cơ sở dữ liệu {server}: chứng thư của máy chủ không phải là chứng thư mà văn phòng mong đợi. Chưa có gì được gửi đến máy chủ này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="186"/>
        <source>The account {user} may not prepare the database {database} on {server} for this version. The administrator opens it once with the owner&apos;s account first. Nothing was changed.</source>
        <translation>Tài khoản {user} không được phép chuẩn bị cơ sở dữ liệu {database} trên máy chủ {server} cho phiên bản này. Quản trị viên cần mở cơ sở dữ liệu này một lần bằng tài khoản của chủ sở hữu trước. Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="191"/>
        <source>This is not the passphrase of the office database {database}. Nothing was changed.</source>
        <translation>Đây không phải là cụm mật khẩu của cơ sở dữ liệu văn phòng {database}. Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="194"/>
        <source>The key file of the encrypted office database {database} is missing ({path}): the database cannot be opened.</source>
        <translation>Thiếu tệp khóa của cơ sở dữ liệu văn phòng đã mã hóa {database} ({path}): không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="197"/>
        <source>The key file of the office database {database} cannot be read: the database cannot be opened.</source>
        <translation>Không đọc được tệp khóa của cơ sở dữ liệu văn phòng {database}: không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="200"/>
        <source>The office database {database} could not be encrypted ({reason}). It was left as it was.</source>
        <translation>Không mã hóa được cơ sở dữ liệu văn phòng {database} ({reason}). Cơ sở dữ liệu được giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="203"/>
        <source>The office database {database} is encrypted and no passphrase was given.</source>
        <translation>Cơ sở dữ liệu văn phòng {database} đã được mã hóa nhưng chưa nhập cụm mật khẩu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="205"/>
        <source>The office database {path} already exists and is not encrypted. Encrypt it with the command &quot;fieldapp office encrypt&quot;, which makes a backup first.</source>
        <translation>Cơ sở dữ liệu văn phòng {path} đã tồn tại và chưa được mã hóa. Hãy mã hóa bằng lệnh &quot;fieldapp office encrypt&quot;; lệnh này sẽ tạo bản sao lưu trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="208"/>
        <source>The office database {path} is not encrypted.</source>
        <translation>Cơ sở dữ liệu văn phòng {path} chưa được mã hóa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="210"/>
        <source>The office database {path} is already encrypted.</source>
        <translation>Cơ sở dữ liệu văn phòng {path} đã được mã hóa rồi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="212"/>
        <source>The two new passphrases are not the same. The old one still opens the office database.</source>
        <translation>Hai cụm mật khẩu mới không khớp nhau. Cụm mật khẩu cũ vẫn mở được cơ sở dữ liệu văn phòng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="215"/>
        <source>The office database {path} is open in another fieldapp window or command. Close it first. Nothing was changed.</source>
        <translation>Cơ sở dữ liệu văn phòng {path} đang được mở trong một cửa sổ hoặc lệnh fieldapp khác. Hãy đóng nó trước. Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="218"/>
        <source>The office database at {url} is on a PostgreSQL server: only an office database file can be encrypted here. A server is protected by its accounts and encrypted connections.</source>
        <translation>Cơ sở dữ liệu văn phòng tại {url} nằm trên máy chủ PostgreSQL: ở đây chỉ mã hóa được tệp cơ sở dữ liệu văn phòng. Máy chủ được bảo vệ bằng tài khoản và kết nối đã mã hóa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="223"/>
        <source>No installment agreement was recorded on {day}. There is nothing to print.</source>
        <translation>Không có thỏa thuận trả góp nào được ghi nhận ngày {day}. Không có gì để in.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="225"/>
        <source>No installment agreement was recorded on {day} for the customers on the route of {collector}. There is nothing to print.</source>
        <translation>Không có thỏa thuận trả góp nào được ghi nhận ngày {day} cho các khách hàng trong lộ trình của nhân viên thu hồi nợ {collector}. Không có gì để in.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="228"/>
        <source>{collector} has no route on {day}, so there are no customers to print for.</source>
        <translation>Nhân viên thu hồi nợ {collector} không có lộ trình ngày {day}, nên không có khách hàng nào để in.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="230"/>
        <source>No customer of {collector} has an open invoice. There is no statement to print.</source>
        <translation>Không có khách hàng nào của nhân viên thu hồi nợ {collector} có hóa đơn còn nợ. Không có bảng đối chiếu công nợ nào để in.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="233"/>
        <source>Choose the customers first: a collector, a route or customer codes.</source>
        <translation>Hãy chọn khách hàng trước: theo nhân viên thu hồi nợ, theo lộ trình hoặc theo mã khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="236"/>
        <source>{state} is not a receipt state; use {states}.</source>
        <translation>{state} không phải là tình trạng của biên nhận; hãy dùng {states}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="238"/>
        <source>Say why the receipt is voided: a reason is required.</source>
        <translation>Hãy nêu lý do hủy biên nhận: bắt buộc phải có lý do.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="240"/>
        <source>The reason is too long ({length} characters; at most {max}).</source>
        <translation>Lý do quá dài ({length} ký tự; tối đa {max}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="242"/>
        <source>{expected} receipts were pending when you confirmed, {found} are now. Nothing was changed; look at the list again.</source>
        <translation>Lúc bạn xác nhận có {expected} biên nhận đang chờ, nay là {found}. Chưa có gì thay đổi; hãy xem lại danh sách.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="245"/>
        <source>Choose at least one receipt.</source>
        <translation>Hãy chọn ít nhất một biên nhận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="246"/>
        <source>There is no receipt {receipt}.</source>
        <translation>Không có biên nhận {receipt}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="247"/>
        <source>Receipt {receipt} was already confirmed, matched or voided; nothing was changed.</source>
        <translation>Biên nhận {receipt} đã được xác nhận, đã khớp hoặc đã bị hủy; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="249"/>
        <source>The period&apos;s first day {text} is not a date.</source>
        <translation>Ngày đầu kỳ {text} không phải là một ngày.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="251"/>
        <source>The period&apos;s last day {text} is not a date.</source>
        <translation>Ngày cuối kỳ {text} không phải là một ngày.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="253"/>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <translation>Kỳ kết thúc ({last}) trước khi bắt đầu ({first}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="255"/>
        <source>{kind} is not a kind of export; use {kinds}.</source>
        <translation>{kind} không phải là loại dữ liệu xuất; hãy dùng {kinds}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="257"/>
        <source>Choose at least one kind of record to export.</source>
        <translation>Hãy chọn ít nhất một loại dữ liệu biên bản để xuất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="259"/>
        <source>{format} is not an export format; use {formats}.</source>
        <translation>{format} không phải là định dạng xuất; hãy dùng {formats}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="261"/>
        <source>{path} is a folder; name the file to write.</source>
        <translation>{path} là một thư mục; hãy đặt tên cho tệp cần ghi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="263"/>
        <source>{path} cannot be written: {reason}</source>
        <translation>Không ghi được {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="266"/>
        <source>There is no queue called {queue}. The queues are: {queues}.</source>
        <translation>Không có hàng đợi công việc nào tên là {queue}. Các hàng đợi hiện có: {queues}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="268"/>
        <source>Name the person who will resolve the dispute.</source>
        <translation>Hãy ghi tên người sẽ giải quyết khiếu nại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="270"/>
        <source>Write the root cause you found before resolving the dispute.</source>
        <translation>Hãy ghi nguyên nhân gốc mà bạn tìm được trước khi giải quyết khiếu nại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="272"/>
        <source>No open dispute has the id {id}.</source>
        <translation>Không có khiếu nại chưa giải quyết nào có mã {id}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="273"/>
        <source>Several disputes start with {id}; type more of the id.</source>
        <translation>Có nhiều khiếu nại có mã bắt đầu bằng {id}; hãy gõ thêm ký tự của mã.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="275"/>
        <source>This dispute was already resolved ({at}), perhaps by another supervisor.</source>
        <translation>Khiếu nại này đã được giải quyết ({at}), có thể bởi một cấp trên khác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_office.py" line="277"/>
        <source>This is not a refusal heading for the legal route.</source>
        <translation>Đây không phải là trường hợp từ chối thanh toán đang chờ chuyển sang thu hồi nợ qua pháp lý.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_words_sync.py" line="143"/>
        <source>The key file {path} does not belong to this database: the PIN opens it, but its key opens neither the database nor any of its backups. Put back the database&apos;s own key file from where it was copied, or ask your supervisor to enroll this laptop again on a new profile.</source>
        <translation>Tệp khóa {path} không thuộc về cơ sở dữ liệu này: mã PIN mở được tệp khóa, nhưng khóa trong đó không mở được cơ sở dữ liệu cũng như bất kỳ bản sao lưu nào của cơ sở dữ liệu. Hãy lấy tệp khóa của chính cơ sở dữ liệu này từ nơi đã sao chép và đặt lại chỗ cũ, hoặc đề nghị cấp trên đăng ký lại máy này với một dữ liệu người dùng mới.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="139"/>
        <source>Something went wrong (error {code}).</source>
        <translation>Đã xảy ra lỗi (mã lỗi {code}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="140"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Đã xảy ra lỗi; chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="141"/>
        <source>A file could not be read or written: {reason}</source>
        <translation>Không đọc hoặc ghi được tệp: {reason}</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="39"/>
        <source>Attach photo…</source>
        <translation>Đính kèm ảnh…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="40"/>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="54"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="55"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)</source>
        <translation>Ảnh và tài liệu (*.jpg *.jpeg *.png *.heic *.pdf);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="101"/>
        <source>Nothing attached</source>
        <translation>Chưa đính kèm gì</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="108"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="109"/>
        <source>Remove this file</source>
        <translation>Xóa tệp này</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>Workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="81"/>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="82"/>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="119"/>
        <source>Export to accounting</source>
        <translation>Xuất sang kế toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="103"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/export_dialog.py" line="108"/>
        <source>%n row(s) written</source>
        <translation>
            <numerusform>Đã ghi %n dòng</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="110"/>
        <source>Nothing new: every record of the period was exported before.</source>
        <translation>Không có gì mới: mọi dữ liệu biên bản trong kỳ đã được xuất trước đây.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="120"/>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Records</source>
        <translation>Dữ liệu biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="121"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="122"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="124"/>
        <source>Confirmed money taken on site</source>
        <translation>Tiền thu tại chỗ đã xác nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="125"/>
        <source>Promises to pay</source>
        <translation>Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="126"/>
        <source>Installment lines</source>
        <translation>Các kỳ trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="129"/>
        <source>CSV (one file per kind)</source>
        <translation>CSV (mỗi loại một tệp)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="130"/>
        <source>Excel workbook (one sheet per kind)</source>
        <translation>Tệp Excel (mỗi loại một trang tính)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="132"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="133"/>
        <source>Include records exported before (marked with their first export)</source>
        <translation>Gồm cả dữ liệu biên bản đã xuất trước đây (có ghi lần xuất đầu tiên)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/export_dialog.py" line="135"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="43"/>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="78"/>
        <source>Choose the export</source>
        <translation>Chọn tệp xuất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="44"/>
        <source>The receivables as the accounting program exports them.</source>
        <translation>Công nợ theo tệp xuất từ phần mềm kế toán.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="46"/>
        <source>Choose a CSV or Excel file exported from the accounting program: an open-items list, an aging report or a customer ledger. You can also drop the file on this page. Nothing is written before the preview.</source>
        <translation>Chọn tệp CSV hoặc Excel xuất từ phần mềm kế toán: danh sách chứng từ còn nợ, báo cáo tuổi nợ hoặc sổ chi tiết công nợ khách hàng. Bạn cũng có thể kéo thả tệp vào trang này. Chưa có gì được ghi trước bước xem trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="49"/>
        <source>&amp;File:</source>
        <translation>&amp;Tệp:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="50"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Duyệt…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="67"/>
        <source>This is a folder: choose a file in it.</source>
        <translation>Đây là thư mục: hãy chọn một tệp trong thư mục đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="69"/>
        <source>There is no such file.</source>
        <translation>Tệp này không tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_file_page.py" line="79"/>
        <source>Exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Tệp xuất (*.csv *.txt *.xlsx *.xlsm);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>FileTabs</name>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="39"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="76"/>
        <source>No contacts</source>
        <translation>Chưa có người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="45"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="79"/>
        <source>No contracts</source>
        <translation>Chưa có hợp đồng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/customer_pane.py" line="42"/>
        <location filename="../fieldapp/ui/views/customer_view.py" line="82"/>
        <source>No payments</source>
        <translation>Chưa có khoản thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="54"/>
        <source>No invoices</source>
        <translation>Chưa có hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="101"/>
        <source>No deliveries</source>
        <translation>Chưa có lần giao hàng nào</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="20"/>
        <source>Not yet due</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="21"/>
        <source>1–30 days late</source>
        <translation>1–30 ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="22"/>
        <source>31–60 days late</source>
        <translation>31–60 ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="23"/>
        <source>61–90 days late</source>
        <translation>61–90 ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="24"/>
        <source>Over 90 days late</source>
        <translation>Trên 90 ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="111"/>
        <source>Not an amount: type digits, e.g. 5,000,000</source>
        <translation>Số tiền không hợp lệ: hãy nhập chữ số, ví dụ 5,000,000</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="133"/>
        <source>All collectors</source>
        <translation>Tất cả nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="134"/>
        <source>No collector</source>
        <translation>Chưa có nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="135"/>
        <source>Any age</source>
        <translation>Mọi tuổi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="138"/>
        <source>Customers with an open invoice of this age</source>
        <translation>Khách hàng có hóa đơn còn nợ thuộc nhóm tuổi nợ này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="139"/>
        <source>Overdue above</source>
        <translation>Quá hạn trên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="140"/>
        <source>amount</source>
        <translation>số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="141"/>
        <source>Disputed</source>
        <translation>Đang khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="142"/>
        <source>Customers with an open invoice in dispute</source>
        <translation>Khách hàng có hóa đơn còn nợ đang khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/filter_bar.py" line="143"/>
        <source>Clear filters</source>
        <translation>Xóa bộ lọc</translation>
    </message>
</context>
<context>
    <name>Finisher</name>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="36"/>
        <source>Finalize the record</source>
        <translation>Hoàn tất biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="37"/>
        <source>A finalized visit cannot be changed; corrections become amendments.

Finalize it now?</source>
        <translation>Buổi làm việc đã hoàn tất thì không thể thay đổi; mọi chỉnh sửa sẽ thành biên bản sửa đổi.

Hoàn tất ngay bây giờ?</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="40"/>
        <source>&amp;Finalize</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="47"/>
        <source>Finalizing…</source>
        <translation>Đang hoàn tất…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="89"/>
        <source>Not finalized</source>
        <translation>Chưa hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="97"/>
        <source>Finalized — receipt %1</source>
        <translation>Đã hoàn tất — biên nhận %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="98"/>
        <location filename="../fieldapp/ui/visit/finish.py" line="124"/>
        <source>Finalized</source>
        <translation>Đã hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="103"/>
        <source>&amp;Open the visit record</source>
        <translation>&amp;Mở biên bản làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="104"/>
        <source>The signed record (PDF): show it to the customer or print it</source>
        <translation>Biên bản đã ký (PDF): cho khách hàng xem hoặc in ra</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="107"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="139"/>
        <source>Open the agreement %1</source>
        <translation>Mở thỏa thuận %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="141"/>
        <source>Open the receipt %1</source>
        <translation>Mở biên nhận %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="155"/>
        <source>Discard the draft</source>
        <translation>Hủy bản nháp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="156"/>
        <source>Discard this unfinished record? What was typed is lost.</source>
        <translation>Hủy biên bản chưa hoàn tất này? Nội dung đã nhập sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="158"/>
        <source>&amp;Discard</source>
        <translation>&amp;Hủy</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="17"/>
        <source>Promise to pay</source>
        <translation>Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="18"/>
        <source>Installment</source>
        <translation>Kỳ trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="19"/>
        <source>Dispute</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="20"/>
        <source>Revisit after absence</source>
        <translation>Quay lại sau khi không gặp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="21"/>
        <source>Planned follow-up</source>
        <translation>Theo dõi theo kế hoạch</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="43"/>
        <source>Follow-up</source>
        <translation>Việc cần theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="45"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="47"/>
        <source>When</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="49"/>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="50"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="53"/>
        <source>Paid</source>
        <translation>Đã trả</translation>
    </message>
</context>
<context>
    <name>FollowUpStrip</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="36"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n việc khác</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="37"/>
        <source>Follow-ups:</source>
        <translation>Việc cần theo dõi:</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="21"/>
        <source>paid %1</source>
        <translation>đã trả %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="89"/>
        <source>Follow-ups</source>
        <translation>Việc cần theo dõi</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="91"/>
        <source>%n items: promises due or broken, disputes, revisits</source>
        <translation>
            <numerusform>%n việc: cam kết đến hạn hoặc không được thực hiện, khiếu nại, quay lại làm việc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="93"/>
        <source>Nothing to follow up today.</source>
        <translation>Hôm nay không có việc cần theo dõi.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="91"/>
        <source>Earlier visits, calls and promises</source>
        <translation>Các buổi làm việc, cuộc gọi và cam kết trước đây</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="92"/>
        <source>No earlier visits or calls recorded.</source>
        <translation>Chưa ghi nhận buổi làm việc hay cuộc gọi nào trước đây.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="52"/>
        <source>Import receivables</source>
        <translation>Nhập công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_wizard.py" line="53"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="14"/>
        <source>Customer code</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="15"/>
        <source>Customer name</source>
        <translation>Tên khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="16"/>
        <source>Document number</source>
        <translation>Số chứng từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="17"/>
        <source>Document date</source>
        <translation>Ngày chứng từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="18"/>
        <source>Due date</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="19"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="20"/>
        <source>Open amount</source>
        <translation>Số tiền còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="21"/>
        <source>Debit</source>
        <translation>Ghi Nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="22"/>
        <location filename="../fieldapp/ui/office/import_words.py" line="57"/>
        <source>Credit</source>
        <translation>Ghi Có</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="23"/>
        <source>Balance</source>
        <translation>Số dư</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="24"/>
        <source>Currency</source>
        <translation>Loại tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="25"/>
        <source>Settled on</source>
        <translation>Ngày tất toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="26"/>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="29"/>
        <source>Invoice list with settlement dates</source>
        <translation>Danh sách hóa đơn kèm ngày tất toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="30"/>
        <source>MISA – customer ledger (S31-DN)</source>
        <translation>MISA – Sổ chi tiết công nợ khách hàng (S31-DN)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="31"/>
        <source>MISA – customer balances (summary)</source>
        <translation>MISA – Số dư khách hàng (tổng hợp)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="32"/>
        <source>Digiwin – receivables statement</source>
        <translation>Digiwin – Bảng kê công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="33"/>
        <source>Kingdee – receivables aging</source>
        <translation>Kingdee – Phân tích tuổi nợ công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="34"/>
        <source>Yonyou – customer ledger</source>
        <translation>Yonyou – Sổ chi tiết khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="35"/>
        <source>Odoo – aged partner balance (detail)</source>
        <translation>Odoo – Tuổi nợ theo đối tác (chi tiết)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="36"/>
        <source>Odoo – aged partner balance (summary)</source>
        <translation>Odoo – Tuổi nợ theo đối tác (tổng hợp)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="38"/>
        <source>ERPNext – accounts receivable</source>
        <translation>ERPNext – Công nợ phải thu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="39"/>
        <source>SAP – customer line items (FBL5N)</source>
        <translation>SAP – Chi tiết bút toán khách hàng (FBL5N)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="40"/>
        <source>QuickBooks – A/R aging detail</source>
        <translation>QuickBooks – Chi tiết tuổi nợ phải thu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="41"/>
        <source>QuickBooks – A/R aging summary</source>
        <translation>QuickBooks – Tổng hợp tuổi nợ phải thu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="42"/>
        <source>Plain invoice list</source>
        <translation>Danh sách hóa đơn đơn giản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="45"/>
        <source>Settled by the rows</source>
        <translation>Tự xác định theo dữ liệu các dòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="46"/>
        <source>Day/month/year (31/05/2025)</source>
        <translation>Ngày/tháng/năm (31/05/2025)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="47"/>
        <source>Month/day/year (05/31/2025)</source>
        <translation>Tháng/ngày/năm (05/31/2025)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="48"/>
        <source>Year/month/day (2025-05-31)</source>
        <translation>Năm/tháng/ngày (2025-05-31)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="49"/>
        <source>Taiwan (ROC) year (114/05/31)</source>
        <translation>Năm Dân Quốc (Đài Loan) (114/05/31)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="52"/>
        <source>1,234.5 (point for decimals)</source>
        <translation>1,234.5 (dấu thập phân là dấu chấm)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="53"/>
        <source>1.234,5 (comma for decimals)</source>
        <translation>1.234,5 (dấu thập phân là dấu phẩy)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="56"/>
        <source>Invoice</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="58"/>
        <source>Opening balance</source>
        <translation>Số dư đầu kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="61"/>
        <source>The file is empty.</source>
        <translation>Tệp trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="62"/>
        <source>The file is not text: export the report as CSV or as an Excel workbook.</source>
        <translation>Tệp không ở dạng văn bản: hãy xuất báo cáo dưới dạng CSV hoặc tệp Excel.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="64"/>
        <source>The file&apos;s letters are in no encoding fieldapp reads (UTF-8, Windows-1258, Big5, GB18030): export it as CSV UTF-8.</source>
        <translation>Ký tự trong tệp không thuộc bảng mã nào mà fieldapp đọc được (UTF-8, Windows-1258, Big5, GB18030): hãy xuất lại dưới dạng CSV UTF-8.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="67"/>
        <source>The file is {size} bytes; at most {limit} bytes are read.</source>
        <translation>Tệp có dung lượng {size} byte; chỉ đọc được tối đa {limit} byte.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="69"/>
        <source>This is an old Excel .xls file: save it as .xlsx or CSV and choose that file.</source>
        <translation>Đây là tệp Excel .xls kiểu cũ: hãy lưu lại thành .xlsx hoặc CSV rồi chọn tệp đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="72"/>
        <source>The file is named like an Excel workbook but is not one.</source>
        <translation>Tệp có đuôi như tệp Excel nhưng thực ra không phải tệp Excel.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="74"/>
        <source>No header row with the columns of this source was found in the first {rows} rows: choose another source or adjust the columns.</source>
        <translation>Không tìm thấy dòng tiêu đề có các cột của nguồn dữ liệu này trong {rows} dòng đầu tiên: hãy chọn nguồn dữ liệu khác hoặc điều chỉnh các cột.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="77"/>
        <source>The columns match no known export: choose the source, then the columns.</source>
        <translation>Các cột không khớp với loại tệp xuất nào đã biết: hãy chọn nguồn dữ liệu, rồi chọn các cột.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="80"/>
        <source>There is no source called “{source}”.</source>
        <translation>Không có nguồn dữ liệu nào tên là “{source}”.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="82"/>
        <source>The workbook cannot be opened: {reason}</source>
        <translation>Không mở được tệp Excel: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="84"/>
        <source>The workbook was refused as unsafe: {reason}</source>
        <translation>Tệp Excel bị từ chối vì không an toàn: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="86"/>
        <source>The workbook has no sheet “{sheet}”. Its sheets are: {sheets}</source>
        <translation>Tệp Excel không có trang tính “{sheet}”. Các trang tính hiện có: {sheets}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="88"/>
        <source>{column} is empty.</source>
        <translation>{column} đang trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="89"/>
        <source>“{text}” is not an amount.</source>
        <translation>“{text}” không phải là số tiền hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="90"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>“{text}” có nhiều chữ số thập phân hơn mức {currency} cho phép.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="92"/>
        <source>“{text}” is not a date.</source>
        <translation>“{text}” không phải là ngày hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="93"/>
        <source>The dates of this column read both as day/month and as month/day: choose the date order.</source>
        <translation>Ngày trong cột này có thể hiểu là ngày/tháng hoặc tháng/ngày: hãy chọn thứ tự ngày tháng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="96"/>
        <source>“{text}” is not a currency fieldapp handles.</source>
        <translation>“{text}” không phải là loại tiền mà fieldapp hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="98"/>
        <source>Document {document} of customer {customer} is already on line {first}.</source>
        <translation>Chứng từ {document} của khách hàng {customer} đã có ở dòng {first}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="100"/>
        <source>The file&apos;s total {declared} {currency} differs from the sum of its rows, {computed} {currency}.</source>
        <translation>Tổng cộng ghi trong tệp là {declared} {currency}, khác với tổng các dòng là {computed} {currency}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="103"/>
        <source>“{text}” has question marks inside words: the export lost its letters. Export the report as CSV UTF-8.</source>
        <translation>“{text}” có dấu chấm hỏi (?) nằm giữa các chữ: tệp xuất đã bị mất ký tự. Hãy xuất lại báo cáo dưới dạng CSV UTF-8.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="106"/>
        <source>{count} text cells were typed in the old {encoding} Vietnamese font and were converted, for example “{example}”. Check the names.</source>
        <translation>{count} ô văn bản được gõ bằng phông chữ tiếng Việt cũ {encoding} và đã được chuyển đổi, ví dụ “{example}”. Hãy kiểm tra lại các tên.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_words.py" line="110"/>
        <source>This cannot be read (problem {code}).</source>
        <translation>Không đọc được nội dung này (mã lỗi {code}).</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="13"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="15"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="17"/>
        <source>Has issues</source>
        <translation>Có vấn đề</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="19"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="31"/>
        <source>The document carries no signature.</source>
        <translation>Văn bản không có chữ ký số.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="34"/>
        <source>Signature intact: nothing changed since signing.</source>
        <translation>Chữ ký số còn nguyên vẹn: không có gì thay đổi kể từ khi ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="36"/>
        <source>Signature broken: the document was changed after signing.</source>
        <translation>Chữ ký số không còn hợp lệ: văn bản đã bị thay đổi sau khi ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="39"/>
        <source>Chain not checked: this office has no company certificate yet.</source>
        <translation>Chưa kiểm tra chuỗi chứng thư: văn phòng này chưa có chứng thư của công ty.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="42"/>
        <source>Signed by %1, whose certificate chains to the company CA.</source>
        <translation>Được ký bởi %1, có chứng thư được CA của công ty xác thực.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="46"/>
        <source>Signed by %1, whose certificate does not chain to the company CA.</source>
        <translation>Được ký bởi %1, nhưng chứng thư không được CA của công ty xác thực.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="50"/>
        <source>Development certificate: fine for testing, not company evidence.</source>
        <translation>Chứng thư thử nghiệm: dùng được để thử, không có giá trị làm bằng chứng của công ty.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="53"/>
        <source>QR code matches the record inside the document.</source>
        <translation>Mã QR khớp với biên bản trong văn bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="56"/>
        <source>QR code does not match the record inside the document.</source>
        <translation>Mã QR không khớp với biên bản trong văn bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="59"/>
        <source>QR code names a record missing from the document.</source>
        <translation>Mã QR chỉ đến một biên bản không có trong văn bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_words.py" line="62"/>
        <source>No record QR code (not a record document).</source>
        <translation>Không có mã QR của biên bản (văn bản này không phải là biên bản).</translation>
    </message>
</context>
<context>
    <name>InboxDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="134"/>
        <source>%1, by %2 on %3</source>
        <translation>%1, bởi %2 vào %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="147"/>
        <source>%1: amended (%2)</source>
        <translation>%1: đã sửa đổi (%2)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="150"/>
        <source>%1: original record</source>
        <translation>%1: biên bản gốc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="155"/>
        <source>%1 %2 set it to %3</source>
        <translation>%1 %2 đã chuyển tình trạng thành %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="159"/>
        <source>%1 %2 corrected a comment: %3</source>
        <translation>%1 %2 đã sửa một nhận xét: %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="162"/>
        <source>%1 %2 commented: %3</source>
        <translation>%1 %2 đã nhận xét: %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="182"/>
        <source>&amp;Approve</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="183"/>
        <source>&amp;Has issues</source>
        <translation>&amp;Có vấn đề</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="184"/>
        <source>&amp;Reject…</source>
        <translation>&amp;Từ chối…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="185"/>
        <source>A comment for the collector (comments cannot be changed later)</source>
        <translation>Nhận xét gửi nhân viên thu hồi nợ (nhận xét không thể sửa về sau)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="187"/>
        <source>Add comment</source>
        <translation>Thêm nhận xét</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="188"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_detail.py" line="189"/>
        <source>This record has no document.</source>
        <translation>Biên bản này không có văn bản.</translation>
    </message>
</context>
<context>
    <name>InboxFilterBar</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="80"/>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="94"/>
        <source>&amp;Collector:</source>
        <translation>&amp;Nhân viên thu hồi nợ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="95"/>
        <source>&amp;Day:</source>
        <translation>N&amp;gày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="96"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Kết quả:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="97"/>
        <source>&amp;State:</source>
        <translation>&amp;Tình trạng:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="103"/>
        <source>Any outcome</source>
        <translation>Mọi kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_filters.py" line="105"/>
        <source>Any state</source>
        <translation>Mọi tình trạng</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="183"/>
        <source>Reject record</source>
        <translation>Từ chối biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="184"/>
        <source>Why is this record rejected? The collector will read the reason.</source>
        <translation>Vì sao biên bản này bị từ chối? Nhân viên thu hồi nợ sẽ đọc lý do này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="186"/>
        <source>A reason is required to reject a record.</source>
        <translation>Cần nêu lý do để từ chối biên bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="222"/>
        <source>Approve all %1 matching records?</source>
        <translation>Duyệt tất cả %1 biên bản phù hợp?</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="223"/>
        <source>Approve all</source>
        <translation>Duyệt tất cả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="242"/>
        <source>%1 matching · %2</source>
        <translation>%1 biên bản phù hợp · %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="246"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Outcomes</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="247"/>
        <source>Comments</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="249"/>
        <source>Approve all matching…</source>
        <translation>Duyệt tất cả biên bản phù hợp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="250"/>
        <source>Show more</source>
        <translation>Xem thêm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/inbox_view.py" line="251"/>
        <source>No records to review here. Records appear when day bundles from the laptops are imported; change the filters to see others.</source>
        <translation>Không có biên bản nào cần duyệt ở đây. Biên bản sẽ xuất hiện khi các gói dữ liệu trong ngày từ máy tính được nhập; hãy thay đổi bộ lọc để xem các biên bản khác.</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="42"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="43"/>
        <source>Issued</source>
        <translation>Ngày lập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="45"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="47"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="49"/>
        <source>Open balance</source>
        <translation>Còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="52"/>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="54"/>
        <source>Bucket</source>
        <translation>Nhóm tuổi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="55"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="93"/>
        <source>Paid</source>
        <translation>Đã thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="97"/>
        <source>Disputed</source>
        <translation>Đang khiếu nại</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="71"/>
        <source>No open invoices: everything is paid.
Untick “Open invoices only” to see the paid ones.</source>
        <translation>Không có hóa đơn còn nợ: tất cả đã được thanh toán.
Bỏ chọn “Chỉ hóa đơn còn nợ” để xem các hóa đơn đã thanh toán.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="80"/>
        <source>%1: amount %2 · open balance %3</source>
        <translation>%1: số tiền %2 · còn nợ %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="88"/>
        <source>Open invoices only</source>
        <translation>Chỉ hóa đơn còn nợ</translation>
    </message>
</context>
<context>
    <name>KpiWords</name>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="12"/>
        <source>Collection effectiveness index (CEI)</source>
        <translation>Chỉ số hiệu quả thu hồi nợ (CEI)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="13"/>
        <source>(Beginning receivables + credit sales / N − ending total receivables) / (beginning receivables + credit sales / N − ending current receivables) × 100</source>
        <translation>(Công nợ đầu kỳ + doanh số bán chịu / N − tổng công nợ cuối kỳ) / (công nợ đầu kỳ + doanh số bán chịu / N − công nợ trong hạn cuối kỳ) × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="16"/>
        <source>N = months in the period (Oracle, CRF); current = not yet due</source>
        <translation>N = số tháng trong kỳ (Oracle, CRF); trong hạn = chưa đến hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="19"/>
        <source>CEI, whole period&apos;s sales</source>
        <translation>CEI, doanh số của cả kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="20"/>
        <source>(Beginning receivables + credit sales − ending total receivables) / (beginning receivables + credit sales − ending current receivables) × 100</source>
        <translation>(Công nợ đầu kỳ + doanh số bán chịu − tổng công nợ cuối kỳ) / (công nợ đầu kỳ + doanh số bán chịu − công nợ trong hạn cuối kỳ) × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="23"/>
        <source>N = 1: the whole period&apos;s credit sales</source>
        <translation>N = 1: doanh số bán chịu của cả kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="25"/>
        <source>Days sales outstanding (DSO)</source>
        <translation>Số ngày thu tiền bình quân (DSO)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="26"/>
        <source>(Ending total receivables / credit sales) × days in the period</source>
        <translation>(Tổng công nợ cuối kỳ / doanh số bán chịu) × số ngày trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="28"/>
        <source>Conventional, gross receivables</source>
        <translation>Cách tính thông thường, công nợ gộp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="30"/>
        <source>DSO, countback</source>
        <translation>DSO, tính lùi theo tháng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="31"/>
        <source>Ending receivables less each month&apos;s credit sales, newest first, counting that month&apos;s days; the month that exceeds what is left counts left / sales of its days</source>
        <translation>Công nợ cuối kỳ lần lượt trừ doanh số bán chịu của từng tháng, bắt đầu từ tháng gần nhất, mỗi tháng cộng số ngày của tháng đó; tháng có doanh số vượt quá phần còn lại được tính bằng phần còn lại / doanh số × số ngày của tháng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="34"/>
        <source>Calendar months ending on the period&apos;s last day</source>
        <translation>Các tháng dương lịch kết thúc vào ngày cuối kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="36"/>
        <source>Best possible DSO</source>
        <translation>DSO tốt nhất có thể</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="37"/>
        <source>(Current receivables / credit sales) × days in the period</source>
        <translation>(Công nợ trong hạn / doanh số bán chịu) × số ngày trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="39"/>
        <source>Current = not yet due on the period&apos;s last day</source>
        <translation>Trong hạn = chưa đến hạn vào ngày cuối kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="41"/>
        <source>Average days delinquent</source>
        <translation>Số ngày chậm trả bình quân</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="42"/>
        <source>DSO − best possible DSO</source>
        <translation>DSO − DSO tốt nhất có thể</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="43"/>
        <source>Both with the conventional DSO</source>
        <translation>Cả hai đều dùng DSO theo cách tính thông thường</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="45"/>
        <source>Receivables at the start</source>
        <translation>Công nợ đầu kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="46"/>
        <source>Open balances on the day before the period</source>
        <translation>Số dư còn nợ vào ngày trước kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="47"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="55"/>
        <source>Gross, by due date</source>
        <translation>Số gộp, theo hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="49"/>
        <source>Credit sales</source>
        <translation>Doanh số bán chịu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="50"/>
        <source>Invoices issued in the period</source>
        <translation>Hóa đơn phát hành trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="51"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="59"/>
        <source>Gross</source>
        <translation>Số gộp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="53"/>
        <source>Receivables at the end</source>
        <translation>Công nợ cuối kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="54"/>
        <source>Open balances on the period&apos;s last day</source>
        <translation>Số dư còn nợ vào ngày cuối kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="57"/>
        <source>Of them not yet due</source>
        <translation>Trong đó chưa đến hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="58"/>
        <source>Open balances not yet due on the period&apos;s last day</source>
        <translation>Số dư còn nợ chưa đến hạn vào ngày cuối kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="61"/>
        <source>Money collected</source>
        <translation>Số tiền đã thu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="62"/>
        <source>Payments received in the period</source>
        <translation>Các khoản đã thanh toán trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="63"/>
        <source>By payment day</source>
        <translation>Theo ngày thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="65"/>
        <source>Of it taken on visits</source>
        <translation>Trong đó thu tại buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="66"/>
        <source>Payments taken on visits in the period</source>
        <translation>Các khoản thanh toán thu tại buổi làm việc trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="67"/>
        <source>Pending or confirmed</source>
        <translation>Đang chờ hoặc đã xác nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="69"/>
        <source>Promises made</source>
        <translation>Cam kết đã lập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="70"/>
        <source>Promises and installment plans recorded in the period</source>
        <translation>Cam kết và kế hoạch trả góp được ghi nhận trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="71"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="109"/>
        <source>Not replaced by an amendment</source>
        <translation>Chưa bị thay thế bằng biên bản sửa đổi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="73"/>
        <source>Promises falling due</source>
        <translation>Cam kết đến hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="74"/>
        <source>Promises and installment lines due in the period</source>
        <translation>Cam kết và các kỳ trả góp đến hạn trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="75"/>
        <source>Kept + partially kept + broken + open = due</source>
        <translation>Đã thực hiện + thực hiện một phần + không thực hiện + đang theo dõi = đến hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="77"/>
        <source>Kept</source>
        <translation>Đã thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="78"/>
        <source>Kept in full by their day (plus grace days) / promises due × 100</source>
        <translation>Trả đủ đúng ngày (cộng số ngày ân hạn) / cam kết đến hạn × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="80"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="84"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="88"/>
        <source>Each payment counted once, oldest due first</source>
        <translation>Mỗi khoản thanh toán chỉ tính một lần, cam kết đến hạn sớm nhất trước</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="82"/>
        <source>Partially kept</source>
        <translation>Thực hiện một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="83"/>
        <source>Partially kept / promises due × 100</source>
        <translation>Thực hiện một phần / cam kết đến hạn × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="86"/>
        <source>Broken</source>
        <translation>Không thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="87"/>
        <source>Broken / promises due × 100</source>
        <translation>Không thực hiện / cam kết đến hạn × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="90"/>
        <source>Still open</source>
        <translation>Đang theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="91"/>
        <source>Still within their grace days / promises due × 100</source>
        <translation>Còn trong số ngày ân hạn / cam kết đến hạn × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="92"/>
        <source>Judged on the period&apos;s last day, or today</source>
        <translation>Đánh giá vào ngày cuối kỳ, hoặc hôm nay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="94"/>
        <source>Right-party contact rate</source>
        <translation>Tỷ lệ liên hệ đúng người</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="95"/>
        <source>Contacts with a person with authority to pay / all contact attempts × 100</source>
        <translation>Số lần liên hệ được với người có thẩm quyền thanh toán / tổng số lần thử liên hệ × 100</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="97"/>
        <source>Visits and calls; an absent customer is an attempt</source>
        <translation>Buổi làm việc và cuộc gọi; không gặp khách hàng vẫn tính là một lần thử</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="99"/>
        <source>Visits</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="100"/>
        <source>Visit records made in the period</source>
        <translation>Biên bản làm việc lập trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="101"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="105"/>
        <source>Finished, amendments not counted again</source>
        <translation>Đã hoàn tất, biên bản sửa đổi không tính lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="103"/>
        <source>Calls</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="104"/>
        <source>Call records made in the period</source>
        <translation>Biên bản cuộc gọi lập trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="107"/>
        <source>Disputes opened</source>
        <translation>Khiếu nại phát sinh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="108"/>
        <source>Disputes recorded in the period</source>
        <translation>Khiếu nại được ghi nhận trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="111"/>
        <source>Disputes resolved</source>
        <translation>Khiếu nại đã giải quyết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="112"/>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="118"/>
        <source>Disputes resolved in the period</source>
        <translation>Khiếu nại được giải quyết trong kỳ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="113"/>
        <source>By the time of resolution</source>
        <translation>Theo thời điểm giải quyết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="115"/>
        <source>Dispute resolution time</source>
        <translation>Thời gian giải quyết khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/kpi_words.py" line="116"/>
        <source>Average days from a dispute being recorded to its resolution</source>
        <translation>Số ngày bình quân từ khi ghi nhận khiếu nại đến khi giải quyết xong</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="19"/>
        <source>Current</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="20"/>
        <source>1–30</source>
        <translation>1–30</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="21"/>
        <source>31–60</source>
        <translation>31–60</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="22"/>
        <source>61–90</source>
        <translation>61–90</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="23"/>
        <source>90+</source>
        <translation>90+</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="24"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="25"/>
        <source>Slowing down</source>
        <translation>Kinh doanh chững lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="26"/>
        <source>Restructuring</source>
        <translation>Đang tái cơ cấu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="27"/>
        <source>Closed</source>
        <translation>Đã ngừng hoạt động</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="28"/>
        <source>Complete</source>
        <translation>Đã giao đủ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="29"/>
        <source>Partial</source>
        <translation>Giao một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="30"/>
        <source>Problem</source>
        <translation>Có vấn đề</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="31"/>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="32"/>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="33"/>
        <source>Cheque</source>
        <translation>Séc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="34"/>
        <source>Post-dated cheque</source>
        <translation>Séc ghi ngày sau</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="35"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="36"/>
        <source>Chinese (Traditional, Taiwan)</source>
        <translation>Tiếng Trung (Phồn thể, Đài Loan)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="37"/>
        <source>Chinese (Simplified, China)</source>
        <translation>Tiếng Trung (Giản thể, Trung Quốc)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="38"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="39"/>
        <source>Visit</source>
        <translation>Làm việc tại chỗ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="40"/>
        <source>Call</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="41"/>
        <source>Money received</source>
        <translation>Đã thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="42"/>
        <source>Promise to pay</source>
        <translation>Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="43"/>
        <source>Installment plan</source>
        <translation>Kế hoạch trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="44"/>
        <source>Dispute</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="45"/>
        <source>Refusal</source>
        <translation>Từ chối thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="46"/>
        <source>Customer absent / premises closed</source>
        <translation>Không gặp khách hàng / đóng cửa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="47"/>
        <source>Quality</source>
        <translation>Chất lượng hàng hóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="48"/>
        <source>Damaged goods</source>
        <translation>Hàng bị hư hỏng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="49"/>
        <source>Wrong goods</source>
        <translation>Giao sai chủng loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="50"/>
        <source>Short or not delivered</source>
        <translation>Giao thiếu / chưa giao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="51"/>
        <source>Late delivery</source>
        <translation>Giao hàng chậm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="52"/>
        <source>Price</source>
        <translation>Giá cả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="53"/>
        <source>Invoice error</source>
        <translation>Sai hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="54"/>
        <source>Missing documents</source>
        <translation>Thiếu chứng từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="55"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="56"/>
        <location filename="../fieldapp/ui/labels.py" line="70"/>
        <source>Revisit</source>
        <translation>Quay lại làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="57"/>
        <source>Supervisor calls the customer</source>
        <translation>Cấp trên gọi điện cho khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="58"/>
        <source>Legal route recommended</source>
        <translation>Đề xuất thu hồi nợ qua pháp lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="59"/>
        <source>Weekly</source>
        <translation>Hằng tuần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="60"/>
        <source>Every two weeks</source>
        <translation>Hai tuần một lần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="61"/>
        <source>Monthly</source>
        <translation>Hằng tháng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="62"/>
        <source>Reminder</source>
        <translation>Nhắc hẹn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="63"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="64"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="65"/>
        <source>Broken</source>
        <translation>Không thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="66"/>
        <source>Partially kept</source>
        <translation>Thực hiện một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="67"/>
        <source>Dispute deadline near</source>
        <translation>Sắp hết hạn xử lý khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="68"/>
        <source>Dispute deadline passed</source>
        <translation>Quá hạn xử lý khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="69"/>
        <source>Dispute open</source>
        <translation>Khiếu nại chưa giải quyết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="73"/>
        <source>Open</source>
        <translation>Đang theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="74"/>
        <source>Kept</source>
        <translation>Đã thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="75"/>
        <source>Visit record</source>
        <translation>Biên bản làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="76"/>
        <source>Installment agreement</source>
        <translation>Thỏa thuận trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="77"/>
        <source>Agreement for wet signature</source>
        <translation>Thỏa thuận để ký tay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="78"/>
        <source>Receipt</source>
        <translation>Biên nhận thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="79"/>
        <source>Statement of account</source>
        <translation>Bảng đối chiếu công nợ</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="40"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/language_menu.py" line="41"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../fieldapp/ui/visit/text_limit.py" line="39"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 ký tự</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="49"/>
        <source>Locked. Customer data is hidden until you unlock.</source>
        <translation>Đã khóa. Dữ liệu khách hàng được ẩn cho đến khi bạn mở khóa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/idle_lock.py" line="50"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="247"/>
        <source>About fieldapp</source>
        <translation>Giới thiệu fieldapp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="248"/>
        <source>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Offline portfolio and visit records for field collectors of trade receivables.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Quản lý danh mục khách hàng và biên bản làm việc ngoại tuyến cho nhân viên thu hồi công nợ thương mại.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="284"/>
        <source>fieldapp — collector&apos;s portfolio</source>
        <translation>fieldapp — danh mục khách hàng của nhân viên thu hồi nợ</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/main_window.py" line="290"/>
        <source>Customers: %n</source>
        <translation>
            <numerusform>Khách hàng: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="291"/>
        <source>Today: %1</source>
        <translation>Hôm nay: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="294"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="298"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="299"/>
        <source>Vi&amp;sit</source>
        <translation>&amp;Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="300"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="301"/>
        <source>F&amp;ollow-ups</source>
        <translation>Việc cần &amp;theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="302"/>
        <source>Start &amp;visit</source>
        <translation>Bắt đầu &amp;buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="303"/>
        <source>Start a visit with this customer (Ctrl+N)</source>
        <translation>Bắt đầu buổi làm việc với khách hàng này (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="304"/>
        <source>&amp;Log a call</source>
        <translation>&amp;Ghi cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="305"/>
        <source>Log a phone call with this customer (Ctrl+L)</source>
        <translation>Ghi nhận cuộc gọi điện thoại với khách hàng này (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="306"/>
        <source>&amp;Unfinished visits…</source>
        <translation>Buổi làm việc &amp;chưa hoàn tất…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="307"/>
        <source>S&amp;tatement of account</source>
        <translation>Bảng đối chiếu công &amp;nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="309"/>
        <source>Make a signed statement of account as of today and open it (Ctrl+Shift+S)</source>
        <translation>Lập bảng đối chiếu công nợ có ký số tính đến hôm nay và mở ra (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="310"/>
        <source>&amp;Print agreements of a day…</source>
        <translation>&amp;In thỏa thuận theo ngày…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="311"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="312"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="313"/>
        <source>&amp;Find customer</source>
        <translation>Tì&amp;m khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="314"/>
        <source>Today&apos;s &amp;route</source>
        <translation>&amp;Lộ trình hôm nay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="315"/>
        <source>&amp;Customers</source>
        <translation>&amp;Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="316"/>
        <source>&amp;Back to previous customer</source>
        <translation>&amp;Quay lại khách hàng trước</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="317"/>
        <source>&amp;About fieldapp</source>
        <translation>&amp;Giới thiệu fieldapp</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="69"/>
        <source>Columns</source>
        <translation>Các cột</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="70"/>
        <source>Which column of the file holds what. Fields that are not in the file stay empty.</source>
        <translation>Cột nào trong tệp chứa thông tin gì. Các trường dữ liệu không có trong tệp sẽ để trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Field</source>
        <translation>Trường dữ liệu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="72"/>
        <source>Column in the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="73"/>
        <source>First value</source>
        <translation>Giá trị đầu tiên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="77"/>
        <source>&amp;Date order:</source>
        <translation>&amp;Thứ tự ngày tháng:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="78"/>
        <source>&amp;Numbers:</source>
        <translation>Định dạng &amp;số:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="79"/>
        <source>C&amp;urrency of rows that name none:</source>
        <translation>&amp;Loại tiền cho các dòng không ghi loại tiền:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="80"/>
        <source>&amp;Save as source…</source>
        <translation>&amp;Lưu thành nguồn dữ liệu…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="95"/>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="104"/>
        <source>— not in the file —</source>
        <translation>— không có trong tệp —</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="106"/>
        <source>(column {number})</source>
        <translation>(cột {number})</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="143"/>
        <source>No column names the customer: each block&apos;s customer is read from the line above it (“Customer: …”), as in a customer ledger.</source>
        <translation>Không có cột nào ghi khách hàng: khách hàng của mỗi nhóm dòng được đọc từ dòng phía trên nhóm đó (“Khách hàng: …”), như trong sổ chi tiết công nợ khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="149"/>
        <source>Choose the column of the customer code or name.</source>
        <translation>Hãy chọn cột mã khách hàng hoặc tên khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="151"/>
        <source>Choose at least one column of amounts: amount, open amount, debit, credit or balance.</source>
        <translation>Hãy chọn ít nhất một cột số tiền: số tiền, số tiền còn nợ, ghi Nợ, ghi Có hoặc số dư.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="153"/>
        <source>One column is chosen for two fields: choose each column once.</source>
        <translation>Một cột đang được chọn cho hai trường dữ liệu: mỗi cột chỉ được chọn một lần.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="163"/>
        <source>Save as source</source>
        <translation>Lưu thành nguồn dữ liệu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="164"/>
        <source>Name of the source (for example the company and report):</source>
        <translation>Tên nguồn dữ liệu (ví dụ: tên công ty và tên báo cáo):</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_mapping_page.py" line="177"/>
        <source>Saved as “{name}”: files with these columns will be read this way from now on.</source>
        <translation>Đã lưu thành “{name}”: từ nay các tệp có những cột này sẽ được đọc theo cách này.</translation>
    </message>
</context>
<context>
    <name>MasterEditDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="82"/>
        <source>Correct the customer&apos;s details</source>
        <translation>Sửa thông tin khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;Address:</source>
        <translation>Địa &amp;chỉ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>&amp;District:</source>
        <translation>&amp;Quận/huyện:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="83"/>
        <source>P&amp;rovince:</source>
        <translation>&amp;Tỉnh/thành phố:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Contact:</source>
        <translation>&amp;Người liên hệ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Name:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="84"/>
        <source>&amp;Phone:</source>
        <translation>Đ&amp;iện thoại:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="87"/>
        <source>New contact…</source>
        <translation>Người liên hệ mới…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/master_edit.py" line="88"/>
        <source>Changes are used here at once and sent to the office with the next sync. If the office changed the same detail meanwhile, a supervisor decides which one to keep.</source>
        <translation>Thay đổi được áp dụng ngay tại đây và gửi cho văn phòng ở lần đồng bộ tiếp theo. Nếu trong lúc đó văn phòng cũng thay đổi cùng thông tin này, cấp trên sẽ quyết định giữ giá trị nào.</translation>
    </message>
</context>
<context>
    <name>MoneyCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="36"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="37"/>
        <source>Method</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="40"/>
        <source>Reference</source>
        <translation>Số tham chiếu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="41"/>
        <source>Date on the cheque</source>
        <translation>Ngày trên séc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="43"/>
        <source>Applied to</source>
        <translation>Thanh toán cho hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Invoice</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Open balance</source>
        <translation>Còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Applied</source>
        <translation>Phân bổ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="84"/>
        <source>Transfer or cheque number</source>
        <translation>Số giao dịch chuyển khoản hoặc số séc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="137"/>
        <source>Not an amount for invoice %1.</source>
        <translation>Số tiền nhập cho hóa đơn %1 không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="174"/>
        <source>Receipt %1 was issued; only the office can void it.</source>
        <translation>Đã xuất biên nhận %1; chỉ văn phòng mới có thể hủy.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../fieldapp/ui/visit/money_edit.py" line="94"/>
        <source>read as {amount}</source>
        <translation>hiểu là số tiền {amount}</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="96"/>
        <source>Fix what is marked in red before going on.</source>
        <translation>Sửa các mục được đánh dấu đỏ trước khi tiếp tục.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="161"/>
        <source>Step %1 of %2</source>
        <translation>Bước %1/%2</translation>
    </message>
</context>
<context>
    <name>NumbersToDial</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="28"/>
        <source>Number to dial</source>
        <translation>Số cần gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="29"/>
        <source>Numbers to dial</source>
        <translation>Các số cần gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="31"/>
        <source>No phone number on file: ask the office for one.</source>
        <translation>Chưa có số điện thoại: hãy xin văn phòng cung cấp.</translation>
    </message>
</context>
<context>
    <name>ObjectionsField</name>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="23"/>
        <source>Objection</source>
        <translation>Phản đối</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="24"/>
        <source>Prepared answer</source>
        <translation>Cách trả lời đã chuẩn bị</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="33"/>
        <source>Add objection</source>
        <translation>Thêm phản đối</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="35"/>
        <source>Remove</source>
        <translation>Xóa</translation>
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
        <translation>đang khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="43"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="45"/>
        <source>Dispute</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_model.py" line="47"/>
        <source>Found in</source>
        <translation>Tìm thấy ở</translation>
    </message>
</context>
<context>
    <name>OfficeNotes</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="14"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="16"/>
        <source>Has issues</source>
        <translation>Có vấn đề</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="18"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="20"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="28"/>
        <source>Comment (corrects an earlier one)</source>
        <translation>Nhận xét (sửa một nhận xét trước đó)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="29"/>
        <source>Comment</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="33"/>
        <source>Dispute resolved</source>
        <translation>Khiếu nại đã được giải quyết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="37"/>
        <source>Receipt %1 voided</source>
        <translation>Biên nhận %1 đã bị hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="54"/>
        <source>A record not on this laptop</source>
        <translation>Biên bản không có trên máy này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="57"/>
        <source>Call of %1</source>
        <translation>Cuộc gọi ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_words.py" line="59"/>
        <source>Visit of %1</source>
        <translation>Buổi làm việc ngày %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_words.py" line="69"/>
        <source>%n new notes from the office</source>
        <translation>
            <numerusform>%n ghi chú mới từ văn phòng</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeNotesDialog</name>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="133"/>
        <source>By %1, %2</source>
        <translation>Bởi %1, %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="141"/>
        <source>%n notes</source>
        <translation>
            <numerusform>%n ghi chú</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="142"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n chưa đọc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="145"/>
        <source>From the office</source>
        <translation>Ghi chú từ văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="146"/>
        <source>No notes from the office yet. They arrive with the assignment pack when you sync.</source>
        <translation>Chưa có ghi chú nào từ văn phòng. Ghi chú sẽ đến cùng gói giao việc khi bạn đồng bộ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="148"/>
        <source>&amp;Open the record</source>
        <translation>&amp;Mở biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="149"/>
        <source>Show this customer and record (Enter)</source>
        <translation>Hiển thị khách hàng và biên bản này (Enter)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="150"/>
        <source>&amp;Mark as read</source>
        <translation>Đánh &amp;dấu đã đọc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="151"/>
        <source>Mark &amp;all as read</source>
        <translation>Đánh dấu &amp;tất cả đã đọc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes_dialog.py" line="152"/>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>OfficeNotesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="34"/>
        <location filename="../fieldapp/ui/models/office_notes.py" line="35"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="37"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="39"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="40"/>
        <source>Record</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="41"/>
        <source>What</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="43"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/office_notes.py" line="45"/>
        <source>From</source>
        <translation>Người gửi</translation>
    </message>
</context>
<context>
    <name>OfficeNotesUi</name>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="80"/>
        <source>From the &amp;office…</source>
        <translation>Ghi chú từ &amp;văn phòng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="81"/>
        <source>Review states and comments the office sent about your records (Ctrl+Shift+O)</source>
        <translation>Xem tình trạng duyệt và nhận xét mà văn phòng gửi về các biên bản của bạn (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office_notes.py" line="85"/>
        <source>Open the notes from the office</source>
        <translation>Mở ghi chú từ văn phòng</translation>
    </message>
</context>
<context>
    <name>OfficeSync</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="136"/>
        <source>Company CA passphrase</source>
        <translation>Cụm mật khẩu của CA công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="137"/>
        <source>The passphrase of the company CA signs the acknowledgements and packs for the laptops. It is kept until this window closes. Without it, bundles are imported and the laptops are answered later.</source>
        <translation>Cụm mật khẩu của CA công ty dùng để ký các xác nhận và gói giao việc cho máy tính. Cụm mật khẩu được giữ đến khi đóng cửa sổ này. Nếu không có cụm mật khẩu, gói dữ liệu vẫn được nhập và các máy tính sẽ được phản hồi sau.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="162"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="189"/>
        <source>Imported: %1
Already imported: %2
Waiting for an earlier bundle: %3
Quarantined: %4
Acknowledgements written: %5
Packs written: %6</source>
        <translation>Đã nhập: %1
Đã nhập trước đó: %2
Đang chờ một gói dữ liệu trước đó: %3
Bị cách ly: %4
Đã tạo xác nhận: %5
Đã tạo gói giao việc: %6</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="197"/>
        <source>%1 files could not be read and stay in the folder for the next sync.</source>
        <translation>%1 tệp không đọc được và vẫn nằm trong thư mục chờ lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="200"/>
        <source>Without the CA passphrase no acknowledgement or pack was written.</source>
        <translation>Không có cụm mật khẩu CA nên chưa tạo xác nhận hay gói giao việc nào.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="202"/>
        <source>Sync folder</source>
        <translation>Thư mục đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="208"/>
        <source>No sync folder</source>
        <translation>Chưa có thư mục đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="210"/>
        <source>Sync folder not found: %1</source>
        <translation>Không tìm thấy thư mục đồng bộ: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="212"/>
        <source>Last import: %1</source>
        <translation>Lần nhập gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="214"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="215"/>
        <source>Bundles waiting: %1</source>
        <translation>Gói dữ liệu đang chờ: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="216"/>
        <source>Quarantined: %1</source>
        <translation>Bị cách ly: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="219"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="221"/>
        <source>Watching</source>
        <translation>Đang theo dõi thư mục</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_watch.py" line="223"/>
        <source>Acknowledgements wait for the CA passphrase</source>
        <translation>Xác nhận đang chờ cụm mật khẩu CA</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="178"/>
        <source>About fieldapp office</source>
        <translation>Giới thiệu fieldapp văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="179"/>
        <source>&lt;b&gt;fieldapp office %1&lt;/b&gt;&lt;p&gt;Receivables imported from the accounting software, customers assigned to collectors, and their routes.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp văn phòng %1&lt;/b&gt;&lt;p&gt;Công nợ nhập từ phần mềm kế toán, phân công khách hàng cho nhân viên thu hồi nợ và lộ trình của họ.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="204"/>
        <location filename="../fieldapp/ui/office/window.py" line="218"/>
        <source>fieldapp office</source>
        <translation>fieldapp văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="210"/>
        <source>Database: %1 (encrypted)</source>
        <translation>Cơ sở dữ liệu: %1 (đã mã hóa)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="212"/>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="214"/>
        <source>Database: %1 on %2</source>
        <translation>Cơ sở dữ liệu: %1 trên máy chủ %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="215"/>
        <source> (as %1)</source>
        <translation> (người dùng %1)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="219"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="220"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="221"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="222"/>
        <source>&amp;Sync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="223"/>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="224"/>
        <source>Installment agreements of a day…</source>
        <translation>Thỏa thuận trả góp theo ngày…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="225"/>
        <source>Statements of account…</source>
        <translation>Bảng đối chiếu công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="226"/>
        <source>Import arrived bundles</source>
        <translation>Nhập các gói dữ liệu đã đến</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="228"/>
        <source>Import the day bundles waiting in the sync folder and answer the laptops</source>
        <translation>Nhập các gói dữ liệu trong ngày đang chờ trong thư mục đồng bộ và phản hồi cho các máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="229"/>
        <source>Send packs to all laptops</source>
        <translation>Gửi gói giao việc cho mọi máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="230"/>
        <source>Sync folder…</source>
        <translation>Thư mục đồng bộ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="232"/>
        <source>Import receivables…</source>
        <translation>Nhập công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="233"/>
        <source>Import day bundles…</source>
        <translation>Nhập gói dữ liệu trong ngày…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="234"/>
        <source>Export to accounting…</source>
        <translation>Xuất sang kế toán…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="235"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="236"/>
        <source>&amp;Find customer</source>
        <translation>Tì&amp;m khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="237"/>
        <source>&amp;About fieldapp office</source>
        <translation>&amp;Giới thiệu fieldapp văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Queues</source>
        <translation>Hàng đợi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Portfolio</source>
        <translation>Danh mục khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Collectors</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="239"/>
        <source>Routes</source>
        <translation>Lộ trình</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Laptops</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="240"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Dashboard</source>
        <translation>Bảng tổng quan</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="238"/>
        <source>Inbox</source>
        <translation>Duyệt biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="245"/>
        <source>Where this office&apos;s data is kept</source>
        <translation>Nơi lưu dữ liệu của văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="246"/>
        <source>Today: %1</source>
        <translation>Hôm nay: %1</translation>
    </message>
</context>
<context>
    <name>OutcomeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="75"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="77"/>
        <source>Remove this outcome</source>
        <translation>Xóa kết quả này</translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="27"/>
        <source>%1 by %2 — %3</source>
        <translation>%1, hạn %2 — %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/outcome_text.py" line="32"/>
        <source>%n installments</source>
        <translation>
            <numerusform>%n kỳ trả góp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="36"/>
        <source>%1 down, then %2</source>
        <translation>trả trước %1, sau đó %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="44"/>
        <source>revisit %1</source>
        <translation>quay lại ngày %1</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="123"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="125"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="127"/>
        <source>Method</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="128"/>
        <source>Reference</source>
        <translation>Số tham chiếu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="130"/>
        <source>Allocated to</source>
        <translation>Phân bổ cho</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="140"/>
        <source>Voided by the office: {reason}</source>
        <translation>Văn phòng đã hủy: {reason}</translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="33"/>
        <source>Agreed total</source>
        <translation>Tổng số tiền thỏa thuận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="40"/>
        <source>Down payment (optional)</source>
        <translation>Trả trước (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="43"/>
        <source>Schedule</source>
        <translation>Lịch thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="45"/>
        <source>Default clause</source>
        <translation>Điều khoản vi phạm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="65"/>
        <source>installments,</source>
        <translation>kỳ,</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="66"/>
        <source>first due</source>
        <translation>kỳ đầu vào ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="69"/>
        <source>Installments</source>
        <translation>Trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="83"/>
        <source>if everything is paid by</source>
        <translation>nếu thanh toán hết trước ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="87"/>
        <source>Early-payment discount</source>
        <translation>Chiết khấu thanh toán sớm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="140"/>
        <source>The disputed invoices changed the agreed total from %1 to %2.</source>
        <translation>Các hóa đơn đang khiếu nại đã làm tổng số tiền thỏa thuận thay đổi từ %1 thành %2.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="156"/>
        <source>settles with %1</source>
        <translation>khi đó chỉ cần trả %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="166"/>
        <source>Covers invoices: %1</source>
        <translation>Áp dụng cho các hóa đơn: %1</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="179"/>
        <source>Loading customers…</source>
        <translation>Đang tải danh sách khách hàng…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="181"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n khách hàng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="184"/>
        <source>%1 of %n customers match</source>
        <translation>
            <numerusform>%1/%n khách hàng phù hợp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="190"/>
        <source>Search name, code, tax code, phone, contact… (Ctrl+F)</source>
        <translation>Tìm theo tên, mã, mã số thuế, điện thoại, người liên hệ… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="191"/>
        <source>No customer matches the search and filters.</source>
        <translation>Không có khách hàng nào khớp với tìm kiếm và bộ lọc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="193"/>
        <source>No customers yet. Import the receivables exported from your accounting software: customers and their open invoices come with them.</source>
        <translation>Chưa có khách hàng nào. Hãy nhập công nợ xuất từ phần mềm kế toán: khách hàng và các hóa đơn còn nợ của họ sẽ được nhập cùng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/portfolio_view.py" line="195"/>
        <source>Import receivables…</source>
        <translation>Nhập công nợ…</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="71"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="72"/>
        <source>The file as it would be imported. Nothing is written yet.</source>
        <translation>Tệp sẽ được nhập như dưới đây. Chưa có gì được ghi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="73"/>
        <source>Import the &amp;good rows and skip the bad ones</source>
        <translation>Nhập các dòng &amp;hợp lệ và bỏ qua các dòng lỗi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="74"/>
        <source>Load the balances as &amp;opening balances on</source>
        <translation>Nhập các số dư làm số dư đầu &amp;kỳ tại ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="100"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="123"/>
        <source>&amp;Rows as understood</source>
        <translation>Các &amp;dòng đã đọc được</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="125"/>
        <source>&amp;Problems: {count}</source>
        <translation>&amp;Lỗi: {count}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="144"/>
        <source>Data rows: {rows} · Customers: {customers} · Invoices: {invoices} · Credits: {credits} · Opening balances: {openings}</source>
        <translation>Dòng dữ liệu: {rows} · Khách hàng: {customers} · Hóa đơn: {invoices} · Khoản ghi Có: {credits} · Số dư đầu kỳ: {openings}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="158"/>
        <source>The table shows the first {count} rows.</source>
        <translation>Bảng chỉ hiển thị {count} dòng đầu tiên.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="174"/>
        <source>{count} rows have problems (listed above). Correct them in the accounting program and export again, or import the other rows and skip these.</source>
        <translation>{count} dòng có lỗi (liệt kê ở trên). Hãy sửa trong phần mềm kế toán rồi xuất lại, hoặc nhập các dòng còn lại và bỏ qua các dòng lỗi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="142"/>
        <source>Reading was stopped: go back and forward again to read the file.</source>
        <translation>Đã dừng đọc tệp: hãy quay lại rồi bấm tiếp để đọc lại tệp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="151"/>
        <source>Amounts: {totals}</source>
        <translation>Số tiền: {totals}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="154"/>
        <source>Open: {totals}</source>
        <translation>Còn nợ: {totals}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_preview_page.py" line="162"/>
        <source>This report has one line per customer and no invoices, so it cannot be imported as invoices. Its balances can be loaded instead as opening balances: one open amount per customer, on the day you choose below.</source>
        <translation>Báo cáo này mỗi khách hàng chỉ có một dòng và không có hóa đơn, nên không thể nhập dưới dạng hóa đơn. Thay vào đó, có thể nhập các số dư làm số dư đầu kỳ: mỗi khách hàng một số tiền còn nợ, tại ngày bạn chọn bên dưới.</translation>
    </message>
</context>
<context>
    <name>PreviewRowsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="31"/>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="32"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="34"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="35"/>
        <source>Document</source>
        <translation>Chứng từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="36"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="38"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="40"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="42"/>
        <source>Open</source>
        <translation>Còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="44"/>
        <source>Currency</source>
        <translation>Loại tiền</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="112"/>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="230"/>
        <source>Every customer of the day</source>
        <translation>Mọi khách hàng trong ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="166"/>
        <source>Preparing the installment agreements…</source>
        <translation>Đang chuẩn bị các thỏa thuận trả góp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="171"/>
        <source>Preparing the statements of account…</source>
        <translation>Đang chuẩn bị các bảng đối chiếu công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="179"/>
        <source>Company CA passphrase</source>
        <translation>Cụm mật khẩu của CA công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="180"/>
        <source>The office signs what it prints with a key kept under the company CA&apos;s passphrase. It is kept until the window closes.</source>
        <translation>Văn phòng ký các văn bản được in bằng một khóa được bảo vệ bởi cụm mật khẩu của CA công ty. Cụm mật khẩu được giữ đến khi đóng cửa sổ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="202"/>
        <source>Nothing printed</source>
        <translation>Chưa in gì</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="206"/>
        <source>Installment agreements of %1</source>
        <translation>Thỏa thuận trả góp ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="208"/>
        <source>Statements of account as of %1</source>
        <translation>Bảng đối chiếu công nợ tại ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="218"/>
        <source>Print agreements and statements</source>
        <translation>In thỏa thuận và bảng đối chiếu công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="219"/>
        <source>What to print (one PDF, each customer from a new page, in the customer&apos;s language):</source>
        <translation>Nội dung cần in (một tệp PDF, mỗi khách hàng bắt đầu từ trang mới, bằng ngôn ngữ của khách hàng):</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="221"/>
        <source>&amp;Installment agreements of a day, for signing in ink</source>
        <translation>&amp;Thỏa thuận trả góp theo ngày, để ký tay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="223"/>
        <source>&amp;Statements of account for a group of customers</source>
        <translation>&amp;Bảng đối chiếu công nợ cho một nhóm khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="225"/>
        <source>Agreements</source>
        <translation>Thỏa thuận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="226"/>
        <source>Statements</source>
        <translation>Bảng đối chiếu công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="227"/>
        <source>Made on:</source>
        <translation>Lập ngày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="228"/>
        <source>Only the route of:</source>
        <translation>Chỉ lộ trình của:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="231"/>
        <source>Customers:</source>
        <translation>Khách hàng:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="232"/>
        <source>A collector&apos;s customers with open invoices</source>
        <translation>Khách hàng có hóa đơn còn nợ của một nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="233"/>
        <source>The customers on a collector&apos;s route</source>
        <translation>Khách hàng trong lộ trình của một nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="234"/>
        <source>These customer codes</source>
        <translation>Các mã khách hàng sau</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="236"/>
        <source>Collector:</source>
        <translation>Nhân viên thu hồi nợ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="237"/>
        <source>Route of:</source>
        <translation>Lộ trình ngày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="238"/>
        <source>Codes:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="239"/>
        <source>Customer codes separated by commas</source>
        <translation>Các mã khách hàng, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="240"/>
        <source>As of:</source>
        <translation>Tính đến ngày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/print_dialog.py" line="241"/>
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="30"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="32"/>
        <source>Printing</source>
        <translation>Đang in</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="40"/>
        <source>Not printed</source>
        <translation>Chưa in</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="41"/>
        <source>The printer could not be used:
%1</source>
        <translation>Không dùng được máy in:
%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="50"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="54"/>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="56"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/preview_model.py" line="57"/>
        <source>What is wrong</source>
        <translation>Nội dung lỗi</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="15"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="16"/>
        <source>Working</source>
        <translation>Đang xử lý</translation>
    </message>
</context>
<context>
    <name>PromiseCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="36"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="37"/>
        <source>Pay by</source>
        <translation>Ngày thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="39"/>
        <source>Promised by</source>
        <translation>Người cam kết</translation>
    </message>
</context>
<context>
    <name>QueueDetail</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="108"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="109"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="110"/>
        <source>Recorded</source>
        <translation>Thời gian ghi nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="112"/>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="114"/>
        <source>Claimed reason</source>
        <translation>Lý do khách hàng đưa ra</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>Resolver</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="115"/>
        <source>not assigned yet</source>
        <translation>chưa phân công</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="117"/>
        <source>Commitment</source>
        <translation>Cam kết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="119"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="121"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="122"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="124"/>
        <source>Paid towards it</source>
        <translation>Đã trả cho khoản này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="127"/>
        <source>Collector&apos;s next step</source>
        <translation>Bước tiếp theo của nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="134"/>
        <source>Customer&apos;s description</source>
        <translation>Khách hàng trình bày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="136"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="138"/>
        <source>Issues found</source>
        <translation>Vấn đề phát hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="139"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="142"/>
        <source>Re&amp;solver:</source>
        <translation>Người &amp;xử lý:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="143"/>
        <source>who resolves the dispute</source>
        <translation>người giải quyết khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="144"/>
        <source>&amp;Assign</source>
        <translation>&amp;Phân công</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="145"/>
        <source>Root &amp;cause:</source>
        <translation>&amp;Nguyên nhân gốc:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="147"/>
        <source>the cause found, apart from the customer&apos;s claimed reason</source>
        <translation>nguyên nhân tìm được, tách riêng với lý do khách hàng đưa ra</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="148"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Giải quyết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="149"/>
        <source>&amp;Handed over to the legal route</source>
        <translation>Đã &amp;chuyển sang thu hồi nợ qua pháp lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_detail.py" line="150"/>
        <source>&amp;Open the record in the Inbox</source>
        <translation>&amp;Mở biên bản trong mục Duyệt biên bản</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="19"/>
        <source>Recorded</source>
        <translation>Thời gian ghi nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="20"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="21"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="22"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="23"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="24"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="25"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="49"/>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_model.py" line="85"/>
        <source>paid %1</source>
        <translation>đã trả %1</translation>
    </message>
</context>
<context>
    <name>QueueWords</name>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="16"/>
        <source>Disputes</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="17"/>
        <source>Promises due today</source>
        <translation>Cam kết đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="18"/>
        <source>Broken promises</source>
        <translation>Cam kết không thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="19"/>
        <source>Partially kept promises</source>
        <translation>Cam kết thực hiện một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="20"/>
        <source>Notes to the supervisor</source>
        <translation>Ghi chú gửi cấp trên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="21"/>
        <source>Refusals heading for the legal route</source>
        <translation>Từ chối thanh toán chờ chuyển sang thu hồi nợ qua pháp lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="22"/>
        <source>Records with issues</source>
        <translation>Biên bản có vấn đề</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="23"/>
        <source>Money to confirm</source>
        <translation>Tiền chờ xác nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="29"/>
        <source>No open disputes: every dispute imported so far is resolved.</source>
        <translation>Không có khiếu nại nào chưa giải quyết: mọi khiếu nại đã nhập đến nay đều đã được giải quyết.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="31"/>
        <source>No promise falls due today that is not already kept.</source>
        <translation>Hôm nay không có cam kết nào đến hạn mà chưa được thực hiện.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="33"/>
        <source>No promise was broken in the last 30 days.</source>
        <translation>Không có cam kết nào không được thực hiện trong 30 ngày qua.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="35"/>
        <source>No promise was only partly kept in the last 30 days.</source>
        <translation>Không có cam kết nào chỉ được thực hiện một phần trong 30 ngày qua.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="37"/>
        <source>No notes waiting: a note leaves this queue once its record is reviewed in the Inbox.</source>
        <translation>Không có ghi chú nào đang chờ: ghi chú sẽ rời khỏi hàng đợi này khi biên bản của ghi chú được duyệt trong mục Duyệt biên bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="40"/>
        <source>No refusal is waiting to be handed over to the legal route.</source>
        <translation>Không có trường hợp từ chối thanh toán nào đang chờ chuyển sang thu hồi nợ qua pháp lý.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="42"/>
        <source>No record is marked as having issues.</source>
        <translation>Không có biên bản nào được đánh dấu là có vấn đề.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="44"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation>Không có khoản tiền thu tại chỗ nào đang chờ xác nhận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="61"/>
        <source>%1 h</source>
        <translation>%1 giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="62"/>
        <source>%1 d %2 h</source>
        <translation>%1 ngày %2 giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="69"/>
        <source>%1 (none)</source>
        <translation>%1 (không có)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="70"/>
        <source>%1 (%2, oldest %3)</source>
        <translation>%1 (%2, cũ nhất %3)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="78"/>
        <source>Overdue by %1 h</source>
        <translation>Quá hạn %1 giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="80"/>
        <source>%1 h left</source>
        <translation>Còn %1 giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="91"/>
        <source>Installment line</source>
        <translation>Kỳ trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="93"/>
        <source>Promise to pay</source>
        <translation>Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="101"/>
        <source>Follow up on %1</source>
        <translation>Theo dõi ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="104"/>
        <source>Revisit on %1</source>
        <translation>Quay lại làm việc ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="112"/>
        <source>On the route on %1</source>
        <translation>Có trong lộ trình ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queue_words.py" line="115"/>
        <source>None planned: the record sets no follow-up day or revisit, and no route has the customer yet.</source>
        <translation>Chưa có kế hoạch: biên bản không đặt ngày theo dõi hay ngày quay lại làm việc, và khách hàng chưa có trong lộ trình nào.</translation>
    </message>
</context>
<context>
    <name>QueuesView</name>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="130"/>
        <location filename="../fieldapp/ui/office/queues_view.py" line="219"/>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="212"/>
        <source>Items: %1, the oldest first</source>
        <translation>Số mục: %1, cũ nhất ở trên cùng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/queues_view.py" line="217"/>
        <source>&amp;Collector:</source>
        <translation>&amp;Nhân viên thu hồi nợ:</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/questions.py" line="44"/>
        <source>Amend</source>
        <translation>Sửa đổi</translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="109"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="115"/>
        <source>Accounting: %1 of %2 (%3)</source>
        <translation>Kế toán: %1 ngày %2 (%3)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Pending</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="121"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="208"/>
        <source>Matched</source>
        <translation>Đã khớp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="122"/>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>Voided</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="140"/>
        <source>Matched automatically with the accounting entry %1 (%2, %3) of the same customer and amount.</source>
        <translation>Đã tự động khớp với chứng từ kế toán %1 (%2, %3) cùng khách hàng và cùng số tiền.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="145"/>
        <source>%1 by %2 on %3.</source>
        <translation>%1 bởi %2 vào %3.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="159"/>
        <source>Confirm receipts</source>
        <translation>Xác nhận biên nhận</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="160"/>
        <source>Confirm all %n pending receipt(s)?</source>
        <translation>
            <numerusform>Xác nhận tất cả %n biên nhận đang chờ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/receipts_view.py" line="196"/>
        <source>%n receipt(s) of money taken on site wait for confirmation, the oldest first. A later accounting import matches them by itself.</source>
        <translation>
            <numerusform>%n biên nhận thu tiền tại chỗ đang chờ xác nhận, cũ nhất ở trên cùng. Lần nhập dữ liệu kế toán sau sẽ tự động khớp các biên nhận này.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="199"/>
        <source>No money taken on site waits for confirmation.</source>
        <translation>Không có khoản tiền thu tại chỗ nào đang chờ xác nhận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="202"/>
        <source>Only the oldest %1 of this list are shown.</source>
        <translation>Chỉ hiển thị %1 mục cũ nhất của danh sách này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="209"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Taken on</source>
        <translation>Ngày thu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Age</source>
        <translation>Số ngày chờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="213"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Receipt</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="214"/>
        <source>Match or reason</source>
        <translation>Chứng từ khớp hoặc lý do</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="215"/>
        <source>&amp;Confirm selected</source>
        <translation>&amp;Xác nhận mục đã chọn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="216"/>
        <source>Confirm &amp;all pending…</source>
        <translation>Xác nhận &amp;tất cả mục đang chờ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="217"/>
        <source>&amp;Void…</source>
        <translation>&amp;Hủy…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="78"/>
        <source>Discard the draft</source>
        <translation>Hủy bản nháp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="79"/>
        <source>Discard the unfinished %1 with %2? What was typed is lost.</source>
        <translation>Hủy bản nháp (%1) chưa hoàn tất với %2? Nội dung đã nhập sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="81"/>
        <source>&amp;Discard</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="93"/>
        <source>Unfinished visits</source>
        <translation>Buổi làm việc chưa hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="94"/>
        <source>These visits and calls were not finalized. Everything typed was saved: resume one to finish it, or discard it.</source>
        <translation>Các buổi làm việc và cuộc gọi này chưa được hoàn tất. Mọi nội dung đã nhập đều được lưu: hãy tiếp tục để hoàn tất, hoặc hủy bỏ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="96"/>
        <source>&amp;Resume</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="97"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Hủy…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="98"/>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
</context>
<context>
    <name>RefusalCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="69"/>
        <source>Reason given</source>
        <translation>Lý do khách hàng đưa ra</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="70"/>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
</context>
<context>
    <name>ResolvePage</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="229"/>
        <source>Outcomes</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="230"/>
        <source>— add every result of the visit; one visit can have several.</source>
        <translation>— ghi nhận mọi kết quả của buổi làm việc; một buổi có thể có nhiều kết quả.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="231"/>
        <source>+ &amp;Money received</source>
        <translation>+ Đã &amp;thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="232"/>
        <source>+ &amp;Promise to pay</source>
        <translation>+ &amp;Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="233"/>
        <source>+ &amp;Installment plan</source>
        <translation>+ Kế hoạch trả &amp;góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="234"/>
        <source>+ &amp;Dispute</source>
        <translation>+ &amp;Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="235"/>
        <source>+ Re&amp;fusal</source>
        <translation>+ Từ chối thanh t&amp;oán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="236"/>
        <source>+ Customer &amp;absent / closed</source>
        <translation>+ Không gặp khách hàng / đóng cử&amp;a</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="241"/>
        <source>I confirm these amounts with the customer although they exceed what is owed</source>
        <translation>Tôi xác nhận các số tiền này với khách hàng dù vượt quá số còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="243"/>
        <source>Why? e.g. a credit note is pending, an invoice is not imported yet</source>
        <translation>Lý do? Ví dụ: đang chờ phiếu giảm trừ công nợ, có hóa đơn chưa được nhập vào</translation>
    </message>
</context>
<context>
    <name>RouteEditor</name>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="56"/>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="57"/>
        <source>Visit earlier (Alt+Up); rows can also be dragged</source>
        <translation>Đến làm việc sớm hơn (Alt+Up); cũng có thể kéo thả các dòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="58"/>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="59"/>
        <source>Visit later (Alt+Down)</source>
        <translation>Đến làm việc muộn hơn (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="60"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_editor.py" line="61"/>
        <source>Take the stop off the route (Delete)</source>
        <translation>Bỏ điểm đến này khỏi lộ trình (Delete)</translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="34"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="36"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="39"/>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
</context>
<context>
    <name>RouteSheetPreview</name>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="66"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="68"/>
        <source>Printing %1…</source>
        <translation>Đang in %1…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="72"/>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="74"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Văn bản PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="82"/>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="83"/>
        <source>The route sheet could not be saved to %1:
%2</source>
        <translation>Không lưu được bảng lộ trình vào %1:
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="89"/>
        <source>Route sheet of %1 for %2</source>
        <translation>Bảng lộ trình của %1 ngày %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="92"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="93"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_sheet_preview.py" line="94"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>RouteStopsModel</name>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="18"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="19"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="20"/>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="27"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="21"/>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="22"/>
        <source>Objective</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="23"/>
        <source>Why</source>
        <translation>Lý do đề xuất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="24"/>
        <source>Promise due, not kept</source>
        <translation>Cam kết đến hạn, chưa thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="25"/>
        <source>Revisit due</source>
        <translation>Đến hạn quay lại làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/route_stops_model.py" line="26"/>
        <source>Dispute waiting</source>
        <translation>Khiếu nại đang chờ xử lý</translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="94"/>
        <source>Today&apos;s route</source>
        <translation>Lộ trình hôm nay</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/route_view.py" line="97"/>
        <source>Stops: %n</source>
        <translation>
            <numerusform>Điểm đến: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="99"/>
        <source>No visits are planned for today.</source>
        <translation>Hôm nay không có buổi làm việc nào theo kế hoạch.</translation>
    </message>
</context>
<context>
    <name>RoutesView</name>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="124"/>
        <source>No collectors yet: add them in the Collectors tab.</source>
        <translation>Chưa có nhân viên thu hồi nợ nào: hãy thêm ở thẻ “Nhân viên thu hồi nợ”.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="156"/>
        <source>Unsaved route</source>
        <translation>Lộ trình chưa lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="157"/>
        <source>The route of this day has changes that are not saved. Save them?</source>
        <translation>Lộ trình của ngày này có thay đổi chưa được lưu. Lưu các thay đổi này?</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="182"/>
        <source>%n stops saved for this day.</source>
        <translation>
            <numerusform>Đã lưu %n điểm đến cho ngày này.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/routes_view.py" line="203"/>
        <source>%n stops suggested; save to keep them.</source>
        <translation>
            <numerusform>Đã đề xuất %n điểm đến; hãy lưu để giữ lại.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="205"/>
        <source>Nothing more to suggest for this day.</source>
        <translation>Không còn gì để đề xuất cho ngày này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="280"/>
        <source>The route has changes that are not saved.</source>
        <translation>Lộ trình có thay đổi chưa được lưu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="296"/>
        <source>Collector:</source>
        <translation>Nhân viên thu hồi nợ:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="297"/>
        <source>Day:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="298"/>
        <source>Start:</source>
        <translation>Bắt đầu:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="299"/>
        <source>When the first visit starts (HH:MM)</source>
        <translation>Giờ bắt đầu buổi làm việc đầu tiên (HH:MM)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="300"/>
        <source>&amp;Suggest</source>
        <translation>Đề &amp;xuất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="302"/>
        <source>Add the customers most worth a visit: promises due and not kept, revisits, disputes waiting, then the largest and oldest overdue amounts</source>
        <translation>Thêm những khách hàng cần đến làm việc nhất: cam kết đến hạn chưa thực hiện, cần quay lại làm việc, khiếu nại đang chờ xử lý, sau đó là các số tiền quá hạn lớn nhất và lâu nhất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="304"/>
        <source>Spread times</source>
        <translation>Xếp lại giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="305"/>
        <source>Plan every visit again from the start time</source>
        <translation>Xếp lại giờ cho mọi buổi làm việc tính từ giờ bắt đầu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="306"/>
        <source>Save route</source>
        <translation>Lưu lộ trình</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="307"/>
        <source>Print route sheet…</source>
        <translation>In bảng lộ trình…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="308"/>
        <source>Print statements…</source>
        <translation>In bảng đối chiếu công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/routes_view.py" line="310"/>
        <source>Statements of account for the customers on this route, in one signed PDF</source>
        <translation>Bảng đối chiếu công nợ của các khách hàng trong lộ trình này, trong một tệp PDF đã ký</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="48"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="49"/>
        <source>The receivables are written in one step: all or nothing.</source>
        <translation>Công nợ được ghi trong một bước duy nhất: ghi tất cả hoặc không ghi gì.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="50"/>
        <source>&amp;Skipped rows</source>
        <translation>Các dòng &amp;bị bỏ qua</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="51"/>
        <source>Import &amp;again</source>
        <translation>Nhập &amp;lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="73"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="107"/>
        <source>The import was stopped. Nothing was written.</source>
        <translation>Đã dừng nhập. Chưa có gì được ghi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="110"/>
        <source>Nothing was imported.</source>
        <translation>Chưa có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="113"/>
        <source>The receivables were imported.</source>
        <translation>Đã nhập công nợ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="114"/>
        <source>Customers: {created} new, {updated} updated.</source>
        <translation>Khách hàng: {created} mới, {updated} được cập nhật.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="117"/>
        <source>Invoices: {created} new, {updated} updated, {closed} closed because the export no longer lists them as open.</source>
        <translation>Hóa đơn: {created} mới, {updated} được cập nhật, {closed} được đóng vì tệp xuất không còn ghi là còn nợ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_run_page.py" line="122"/>
        <source>Open in this export: {totals}</source>
        <translation>Còn nợ theo tệp xuất này: {totals}</translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="28"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="29"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="53"/>
        <source>Down payment</source>
        <translation>Trả trước</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="31"/>
        <source>Collector name</source>
        <translation>Họ tên nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="30"/>
        <source>Language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="32"/>
        <source>Your title on Vietnamese documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Việt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="33"/>
        <source>Your title on Traditional Chinese documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Trung phồn thể</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="34"/>
        <source>Your title on Simplified Chinese documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Trung giản thể</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Your title on English documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Anh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Latest promise date (days ahead)</source>
        <translation>Ngày cam kết xa nhất (số ngày tới)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Grace days before a promise is broken</source>
        <translation>Số ngày ân hạn trước khi coi là không thực hiện cam kết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="38"/>
        <source>Share paid that keeps a promise (%)</source>
        <translation>Tỷ lệ đã trả để coi là thực hiện cam kết (%)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Remind this many days before a promise</source>
        <translation>Nhắc trước ngày cam kết (số ngày)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="40"/>
        <source>Warn when a dispute deadline is this close (hours)</source>
        <translation>Cảnh báo khi sắp hết hạn xử lý khiếu nại (số giờ)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="41"/>
        <source>Least ink for a signature (pixels)</source>
        <translation>Độ dài nét ký tối thiểu (điểm ảnh)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="42"/>
        <source>Lock the window after this many idle minutes</source>
        <translation>Khóa cửa sổ khi không sử dụng quá số phút này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Company name</source>
        <translation>Tên công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Company address</source>
        <translation>Địa chỉ công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="45"/>
        <source>Company tax code</source>
        <translation>Mã số thuế công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Company phone</source>
        <translation>Điện thoại công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Sync folder</source>
        <translation>Thư mục đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="48"/>
        <source>Sync when the program starts</source>
        <translation>Đồng bộ khi mở chương trình</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="49"/>
        <source>Sync when the program closes</source>
        <translation>Đồng bộ khi đóng chương trình</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="70"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="89"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="90"/>
        <source>None: choose the folder shared with the office</source>
        <translation>Chưa có: hãy chọn thư mục dùng chung với văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="95"/>
        <source>Choose the sync folder</source>
        <translation>Chọn thư mục đồng bộ</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="203"/>
        <source>Enter the company&apos;s name: it heads every document.</source>
        <translation>Hãy nhập tên công ty: tên này đứng đầu mọi văn bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="211"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="212"/>
        <source>Your name and title go on every record you sign. Please enter them before the first visit.</source>
        <translation>Họ tên và chức danh của bạn được ghi trên mọi biên bản bạn ký. Vui lòng nhập trước buổi làm việc đầu tiên.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="214"/>
        <source>These settings apply to this laptop.</source>
        <translation>Các cài đặt này áp dụng cho máy tính này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="216"/>
        <source>Letterhead on every document</source>
        <translation>Tiêu đề in trên mọi văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="217"/>
        <source>Sync with the office</source>
        <translation>Đồng bộ với văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="219"/>
        <source>Change PIN or passphrase…</source>
        <translation>Đổi mã PIN hoặc cụm mật khẩu…</translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="66"/>
        <source>The customer was absent: nobody signs for the customer; you sign the record alone.</source>
        <translation>Không gặp khách hàng: không ai ký thay khách hàng; bạn tự ký biên bản một mình.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="70"/>
        <source>Nothing the customer signed has changed: their signature on the original record stands, and you sign the amendment alone.</source>
        <translation>Những nội dung khách hàng đã ký không thay đổi: chữ ký của khách hàng trên biên bản gốc vẫn có hiệu lực, bạn tự ký biên bản sửa đổi một mình.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="109"/>
        <source>The record changed after it was signed: read the summary again with the customer, then both sign again.</source>
        <translation>Biên bản đã thay đổi sau khi ký: hãy cùng khách hàng đọc lại phần tóm tắt, rồi hai bên ký lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="127"/>
        <source>Summary for the customer (%1)</source>
        <translation>Tóm tắt cho khách hàng (%1)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="129"/>
        <source>Customer signs</source>
        <translation>Khách hàng ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="130"/>
        <source>Collector signs</source>
        <translation>Nhân viên thu hồi nợ ký</translation>
    </message>
</context>
<context>
    <name>SignerPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="30"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="31"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="32"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="34"/>
        <source>Printed name</source>
        <translation>Họ tên (ghi rõ)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="35"/>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="45"/>
        <source>Source</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="46"/>
        <source>The accounting program and report the file comes from.</source>
        <translation>Phần mềm kế toán và báo cáo đã xuất ra tệp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="47"/>
        <source>&amp;Source:</source>
        <translation>&amp;Nguồn dữ liệu:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="54"/>
        <source>Find it from the columns</source>
        <translation>Tự nhận diện theo các cột</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="56"/>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="141"/>
        <source>{name} (saved)</source>
        <translation>{name} (đã lưu)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="107"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="117"/>
        <source>No known export has these columns: say on the next page which column holds what.</source>
        <translation>Không có loại tệp xuất nào đã biết có các cột này: hãy cho biết ở trang tiếp theo cột nào chứa thông tin gì.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="120"/>
        <source>The columns of {source} were not found: say on the next page which column holds what.</source>
        <translation>Không tìm thấy các cột của {source}: hãy cho biết ở trang tiếp theo cột nào chứa thông tin gì.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="123"/>
        <source>Found: {source}.</source>
        <translation>Đã nhận diện: {source}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="125"/>
        <source>Read as {source}.</source>
        <translation>Đọc theo dạng {source}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="127"/>
        <source>An Excel workbook with {count} columns.</source>
        <translation>Tệp Excel có {count} cột.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="130"/>
        <source>Text encoding: {encoding}. Columns: {count}.</source>
        <translation>Bảng mã: {encoding}. Số cột: {count}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_source_page.py" line="135"/>
        <source>The report is dated {day}.</source>
        <translation>Báo cáo lập ngày {day}.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../fieldapp/ui/app.py" line="79"/>
        <source>Restore the backup of %1?</source>
        <translation>Khôi phục bản sao lưu ngày %1?</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="81"/>
        <source>The damaged file is kept in the backups folder; what was recorded after the backup is not in it.</source>
        <translation>Tệp bị hỏng được giữ lại trong thư mục sao lưu; những gì ghi nhận sau thời điểm sao lưu sẽ không có trong bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="83"/>
        <source>What will be lost: visits, calls, payments and documents recorded on this laptop after %1. Those among them already sent are kept by the office; the others are lost.</source>
        <translation>Những gì sẽ bị mất: các buổi làm việc, cuộc gọi, khoản thanh toán và văn bản được ghi nhận trên máy này sau %1. Những mục trong số đó đã được gửi đi thì văn phòng vẫn lưu giữ; các mục còn lại sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="91"/>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
</context>
<context>
    <name>StartupDocuments</name>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="84"/>
        <source>Last finalized: %1, %2 — receipt %3</source>
        <translation>Hoàn tất gần nhất: %1, %2 — biên nhận %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="87"/>
        <source>Last finalized: %1, %2 — no money taken</source>
        <translation>Hoàn tất gần nhất: %1, %2 — không thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="90"/>
        <source>Some documents are still pending: see the visit&apos;s Retry</source>
        <translation>Một số văn bản vẫn đang chờ lập: xem nút Thử lại của buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="92"/>
        <source>Check this before recording money again: a receipt already issued stands for money already taken.</source>
        <translation>Hãy kiểm tra mục này trước khi ghi nhận thu tiền lần nữa: biên nhận đã xuất nghĩa là tiền đã được thu.</translation>
    </message>
</context>
<context>
    <name>SyncFolderDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="39"/>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="49"/>
        <source>Sync folder</source>
        <translation>Thư mục đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="51"/>
        <source>The folder this office shares with its laptops: a shared drive, a cloud folder or a USB stick. Laptops put their day bundles in its to-office folder; the office puts each laptop&apos;s acknowledgements and assignment packs in to-laptops. Every supervisor of this office uses the same folder. Leave it empty to use none.</source>
        <translation>Thư mục mà văn phòng này dùng chung với các máy tính: ổ đĩa dùng chung, thư mục đám mây hoặc USB. Các máy tính đặt gói dữ liệu trong ngày vào thư mục con to-office; văn phòng đặt xác nhận và gói giao việc của từng máy tính vào thư mục con to-laptops. Mọi cấp trên của văn phòng này đều dùng cùng một thư mục. Để trống nếu không dùng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/sync_folder_dialog.py" line="56"/>
        <source>Watch the folder and import bundles as they arrive</source>
        <translation>Theo dõi thư mục và nhập gói dữ liệu ngay khi đến</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="39"/>
        <source>S&amp;ync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="40"/>
        <source>&amp;Install the office&apos;s answer…</source>
        <translation>&amp;Cài đặt phản hồi của văn phòng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="41"/>
        <source>&amp;Send to the office…</source>
        <translation>&amp;Gửi cho văn phòng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="42"/>
        <source>&amp;Receive assignment pack…</source>
        <translation>&amp;Nhận gói giao việc…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="43"/>
        <source>Take &amp;acknowledgement…</source>
        <translation>Nhận &amp;xác nhận…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="54"/>
        <source>This laptop is enrolled</source>
        <translation>Máy này đã được đăng ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="55"/>
        <source>Enrolled for %1 of %2</source>
        <translation>Đã đăng ký cho %1 của %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="58"/>
        <source>&amp;Enroll this laptop…</source>
        <translation>Đăng &amp;ký máy này…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="60"/>
        <source>Save a certificate request for the office to answer</source>
        <translation>Lưu yêu cầu cấp chứng thư để văn phòng phản hồi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="67"/>
        <source>Save the certificate request</source>
        <translation>Lưu yêu cầu cấp chứng thư</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="69"/>
        <source>Certificate requests (*.csr);;All files (*)</source>
        <translation>Yêu cầu cấp chứng thư (*.csr);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="72"/>
        <source>The certificate request was saved to %1. Give it to the office; then install the office&apos;s answer.</source>
        <translation>Yêu cầu cấp chứng thư đã được lưu vào %1. Hãy chuyển cho văn phòng; sau đó cài đặt phản hồi của văn phòng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="77"/>
        <source>Install the office&apos;s answer</source>
        <translation>Cài đặt phản hồi của văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="78"/>
        <source>Enrollment answers (*.zip);;All files (*)</source>
        <translation>Phản hồi đăng ký (*.zip);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="86"/>
        <source>This laptop is now enrolled for %1 of %2. Documents made from now on are signed with the enrolled key.</source>
        <translation>Máy này hiện đã được đăng ký cho %1 của %2. Các văn bản lập từ nay trở đi sẽ được ký bằng khóa đã đăng ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="93"/>
        <source>Send to the office: choose the sync folder</source>
        <translation>Gửi cho văn phòng: chọn thư mục đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="100"/>
        <source>A day bundle with %1 records was made.</source>
        <translation>Đã tạo một gói dữ liệu trong ngày gồm %1 biên bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="101"/>
        <source>No new records since the last bundle.</source>
        <translation>Không có biên bản mới nào kể từ gói dữ liệu gần nhất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="103"/>
        <source>%1 bundles waiting for the office&apos;s acknowledgement were written to %2.</source>
        <translation>Đã ghi %1 gói dữ liệu đang chờ văn phòng xác nhận vào %2.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="107"/>
        <source>Receive an assignment pack</source>
        <translation>Nhận gói giao việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="115"/>
        <source>Assignment pack version %1 applied: %2 customers added, %3 updated, %4 removed.</source>
        <translation>Đã áp dụng gói giao việc phiên bản %1: thêm %2 khách hàng, cập nhật %3, xóa %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_menu.py" line="119"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>%n ghi chú mới từ văn phòng.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="121"/>
        <source>Disputes you recorded that the office resolved: %1; their invoices are no longer paused.</source>
        <translation>Khiếu nại bạn đã ghi nhận và đã được văn phòng giải quyết: %1; các hóa đơn liên quan không còn bị tạm dừng thu hồi nợ nữa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="126"/>
        <source>Take the office&apos;s acknowledgement</source>
        <translation>Nhận xác nhận của văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="132"/>
        <source>The office holds every bundle up to number %1; %2 removed from the outbox.</source>
        <translation>Văn phòng đã có đủ mọi gói dữ liệu đến số %1; đã xóa %2 gói khỏi hộp thư đi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="141"/>
        <source>Sync files (*.zip);;All files (*)</source>
        <translation>Tệp đồng bộ (*.zip);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_menu.py" line="150"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="75"/>
        <source>Sync &amp;now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="76"/>
        <location filename="../fieldapp/ui/sync_status.py" line="79"/>
        <source>Send and receive through the sync folder (F9)</source>
        <translation>Gửi và nhận qua thư mục đồng bộ (F9)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="77"/>
        <source>Sync s&amp;tatus…</source>
        <translation>&amp;Tình trạng đồng bộ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="78"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="88"/>
        <source>Not enrolled · Not sent: %1</source>
        <translation>Chưa đăng ký · Chưa gửi: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="90"/>
        <source>Last sync: %1 · Not sent: %2 · Waiting: %3</source>
        <translation>Đồng bộ gần nhất: %1 · Chưa gửi: %2 · Đang chờ: %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="98"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="101"/>
        <source>today %1</source>
        <translation>hôm nay %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="103"/>
        <source>yesterday %1</source>
        <translation>hôm qua %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="110"/>
        <source>Device: %1</source>
        <translation>Thiết bị: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="111"/>
        <source>Enrolled for %1 of %2</source>
        <translation>Đã đăng ký cho %1 của %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="112"/>
        <source>Not enrolled with the office</source>
        <translation>Chưa đăng ký với văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="113"/>
        <source>Sync folder: %1</source>
        <translation>Thư mục đồng bộ: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="114"/>
        <source>No sync folder is set (Settings)</source>
        <translation>Chưa chọn thư mục đồng bộ (Cài đặt)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="115"/>
        <source>Last sync: %1</source>
        <translation>Đồng bộ gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="116"/>
        <source>Records not yet sent: %1</source>
        <translation>Biên bản chưa gửi: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="119"/>
        <source>Bundles waiting for the office&apos;s acknowledgement: %1</source>
        <translation>Gói dữ liệu đang chờ văn phòng xác nhận: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="121"/>
        <source>Assignment pack: version %1, valid until %2</source>
        <translation>Gói giao việc: phiên bản %1, có hiệu lực đến %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="124"/>
        <source>No assignment pack applied yet</source>
        <translation>Chưa áp dụng gói giao việc nào</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="126"/>
        <source>Left in the sync folder: %1: %2</source>
        <translation>Để lại trong thư mục đồng bộ: %1: %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="129"/>
        <source>The last sync failed: %1</source>
        <translation>Lần đồng bộ gần nhất bị lỗi: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="135"/>
        <source>Sync status</source>
        <translation>Tình trạng đồng bộ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="150"/>
        <source>Choose the sync folder shared with the office</source>
        <translation>Chọn thư mục đồng bộ dùng chung với văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="155"/>
        <location filename="../fieldapp/ui/sync_status.py" line="224"/>
        <source>Syncing with the office…</source>
        <translation>Đang đồng bộ với văn phòng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="179"/>
        <source>Sync cancelled; what was done is kept.</source>
        <translation>Đã hủy đồng bộ; những gì đã làm được vẫn được giữ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="182"/>
        <source>Synced: %n records sent.</source>
        <translation>
            <numerusform>Đã đồng bộ: đã gửi %n biên bản.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="184"/>
        <source>%n bundles wait for the office&apos;s acknowledgement.</source>
        <translation>
            <numerusform>%n gói dữ liệu đang chờ văn phòng xác nhận.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="187"/>
        <source>Assignment pack version %1 applied.</source>
        <translation>Đã áp dụng gói giao việc phiên bản %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/sync_status.py" line="190"/>
        <source>%n new notes from the office.</source>
        <translation>
            <numerusform>%n ghi chú mới từ văn phòng.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="193"/>
        <source>Some files were left in the sync folder: see the sync status for why.</source>
        <translation>Một số tệp vẫn còn trong thư mục đồng bộ: xem tình trạng đồng bộ để biết lý do.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/sync_status.py" line="235"/>
        <source>Syncing with the office before closing…</source>
        <translation>Đang đồng bộ với văn phòng trước khi đóng…</translation>
    </message>
</context>
<context>
    <name>TaskStrip</name>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="33"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="55"/>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/import_progress.py" line="62"/>
        <source>line %v of about %m</source>
        <translation>dòng %v / khoảng %m</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="58"/>
        <source>Assigned %n customers to %1.</source>
        <translation>
            <numerusform>Đã phân công %n khách hàng cho %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="59"/>
        <source>no collector</source>
        <translation>“Không có nhân viên thu hồi nợ”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="61"/>
        <source>Nothing changed: the customers already had this collector.</source>
        <translation>Không có gì thay đổi: các khách hàng này vốn đã thuộc nhân viên thu hồi nợ này.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/office/undo_bar.py" line="63"/>
        <source>Undone: %n customers are back with their previous collectors.</source>
        <translation>
            <numerusform>Đã hoàn tác: %n khách hàng đã trở về nhân viên thu hồi nợ phụ trách trước đó.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/undo_bar.py" line="68"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="34"/>
        <source>Open the office database</source>
        <translation>Mở cơ sở dữ liệu văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="35"/>
        <source>Unlock the profile</source>
        <translation>Mở khóa dữ liệu người dùng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="46"/>
        <source>Forgotten PIN…</source>
        <translation>Quên mã PIN…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="61"/>
        <source>This version keeps the profile encrypted. Choose a PIN or passphrase: it is asked every time the program starts.</source>
        <translation>Phiên bản này mã hóa dữ liệu người dùng. Hãy chọn mã PIN hoặc cụm mật khẩu: chương trình sẽ hỏi mỗi lần khởi động.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="64"/>
        <source>Choose a PIN or passphrase for this profile: it is asked every time the program starts, and nobody can open the profile without it.</source>
        <translation>Hãy chọn mã PIN hoặc cụm mật khẩu cho dữ liệu người dùng này: chương trình sẽ hỏi mỗi lần khởi động, và không ai mở được dữ liệu này nếu không có nó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="68"/>
        <source>New PIN or passphrase:</source>
        <translation>Mã PIN hoặc cụm mật khẩu mới:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="69"/>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="85"/>
        <source>The same again:</source>
        <translation>Nhập lại lần nữa:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="72"/>
        <source>PIN or passphrase:</source>
        <translation>Mã PIN hoặc cụm mật khẩu:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="81"/>
        <source>The new office database %1 is to be encrypted. Choose its passphrase: it is asked every time the database is opened, and nobody can open the database or its backups without it.</source>
        <translation>Cơ sở dữ liệu văn phòng mới %1 sẽ được mã hóa. Hãy chọn cụm mật khẩu: chương trình sẽ hỏi mỗi lần mở cơ sở dữ liệu, và không ai mở được cơ sở dữ liệu hay các bản sao lưu của nó nếu không có cụm mật khẩu này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="84"/>
        <source>New passphrase:</source>
        <translation>Cụm mật khẩu mới:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="87"/>
        <source>The office database %1 is encrypted. Type its passphrase to open it.</source>
        <translation>Cơ sở dữ liệu văn phòng %1 đã được mã hóa. Hãy nhập cụm mật khẩu để mở.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="89"/>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="98"/>
        <source>Too many wrong tries. Wait {seconds} seconds before trying again.</source>
        <translation>Nhập sai quá nhiều lần. Hãy đợi {seconds} giây rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="106"/>
        <source>The two entries are not the same.</source>
        <translation>Hai lần nhập không khớp nhau.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="124"/>
        <source>Without its PIN this profile cannot be opened by anyone, not even by the office: that is what protects the customers&apos; data on a lost laptop.</source>
        <translation>Nếu không có mã PIN, không ai mở được dữ liệu người dùng này, kể cả văn phòng: chính điều đó bảo vệ dữ liệu của khách hàng khi máy tính bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="126"/>
        <source>Ask your supervisor to enroll this laptop again; the office then sends a fresh assignment pack and you start on a new profile.</source>
        <translation>Hãy đề nghị cấp trên đăng ký lại máy này; sau đó văn phòng sẽ gửi một gói giao việc mới và bạn bắt đầu với một dữ liệu người dùng mới.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="128"/>
        <source>Forgotten PIN</source>
        <translation>Quên mã PIN</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="137"/>
        <source>Work the office has already received is safe. Visits, documents and payments recorded here and not yet sent are lost. How many there are cannot be shown without the PIN either: if you remember the last time you sent your day, everything after it is what would be lost.</source>
        <translation>Những công việc văn phòng đã nhận được vẫn an toàn. Các buổi làm việc, văn bản và khoản thanh toán được ghi nhận tại đây mà chưa gửi sẽ bị mất. Nếu không có mã PIN thì cũng không thể hiển thị có bao nhiêu mục như vậy: nếu bạn nhớ lần gần nhất đã gửi dữ liệu trong ngày, thì mọi thứ sau thời điểm đó là những gì sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unlock_dialog.py" line="144"/>
        <source>When the window was last locked or closed (%1), everything recorded here had been sent to the office: that work is safe. Only what was recorded after that and not sent would be lost.</source>
        <translation>Lần gần nhất cửa sổ bị khóa hoặc đóng (%1), mọi thứ ghi nhận tại đây đều đã được gửi cho văn phòng: phần công việc đó vẫn an toàn. Chỉ những gì được ghi nhận sau thời điểm đó mà chưa gửi mới bị mất.</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unlock_dialog.py" line="148"/>
        <source>When the window was last locked or closed (%1), %n records had not been sent to the office. They exist only on this laptop: with a forgotten PIN they are lost, unless they were sent since. Work the office has received is safe.</source>
        <translation>
            <numerusform>Lần gần nhất cửa sổ bị khóa hoặc đóng (%1), có %n biên bản chưa được gửi cho văn phòng. Các biên bản này chỉ có trên máy này: nếu quên mã PIN thì chúng sẽ bị mất, trừ khi đã được gửi đi sau đó. Những công việc văn phòng đã nhận được vẫn an toàn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentModel</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="19"/>
        <source>Amendment</source>
        <translation>Biên bản sửa đổi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="21"/>
        <source>Corrected details</source>
        <translation>Thông tin đã chỉnh sửa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="35"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="36"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="37"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
</context>
<context>
    <name>UnsentWatch</name>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="151"/>
        <source>Unsent work</source>
        <translation>Công việc chưa gửi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="154"/>
        <source>Sync before closing to keep them safe with the office.</source>
        <translation>Hãy đồng bộ trước khi đóng để văn phòng lưu giữ an toàn các mục này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="155"/>
        <source>&amp;Close anyway</source>
        <translation>Vẫn đón&amp;g</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/unsent_view.py" line="156"/>
        <source>&amp;Keep the window open</source>
        <translation>&amp;Giữ cửa sổ mở</translation>
    </message>
</context>
<context>
    <name>UnsentWork</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/unsent_view.py" line="27"/>
        <source>These %n records exist only on this laptop until they are sent to the office. If the PIN is forgotten, they are lost.</source>
        <translation>
            <numerusform>%n biên bản này chỉ có trên máy này cho đến khi được gửi cho văn phòng. Nếu quên mã PIN, chúng sẽ bị mất.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDocumentsBar</name>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="115"/>
        <source>Pending: %1</source>
        <translation>Đang chờ lập: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="119"/>
        <source>Not made yet: finalizing was interrupted or the document failed. The visit itself is finalized.</source>
        <translation>Chưa được lập: quá trình hoàn tất bị gián đoạn hoặc lập văn bản bị lỗi. Bản thân buổi làm việc đã hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="150"/>
        <source>Plan %1</source>
        <translation>Kế hoạch %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="171"/>
        <source>Open &amp;record</source>
        <translation>Mở &amp;biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="172"/>
        <source>The signed visit record (PDF)</source>
        <translation>Biên bản làm việc đã ký (PDF)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="173"/>
        <source>Open a&amp;greement</source>
        <translation>Mở thỏa &amp;thuận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="174"/>
        <source>Open recei&amp;pt</source>
        <translation>Mở biên &amp;nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="175"/>
        <source>Agreement for &amp;wet signature…</source>
        <translation>Thỏa thuận để &amp;ký tay…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="176"/>
        <source>Re&amp;try</source>
        <translation>Thử &amp;lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="177"/>
        <source>Make the pending documents of this visit now</source>
        <translation>Lập ngay các văn bản đang chờ của buổi làm việc này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="178"/>
        <source>A fresh copy of the installment agreement with empty boxes, to print and sign in ink</source>
        <translation>Bản mới của thỏa thuận trả góp với các ô để trống, để in ra và ký tay</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="38"/>
        <source>Receipt %1 voided by the office: %2</source>
        <translation>Biên nhận %1 đã bị văn phòng hủy: %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="42"/>
        <source>Documents pending</source>
        <translation>Văn bản đang chờ lập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="44"/>
        <source>Amendment: %1</source>
        <translation>Sửa đổi: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="47"/>
        <source>Amended</source>
        <translation>Đã sửa đổi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="61"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="63"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="64"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="65"/>
        <source>Outcomes</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="67"/>
        <source>Record</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="69"/>
        <source>Office</source>
        <translation>Văn phòng</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/visit_history.py" line="88"/>
        <source>%n comments</source>
        <translation>
            <numerusform>%n nhận xét</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="144"/>
        <location filename="../fieldapp/ui/visit/window.py" line="256"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="167"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="216"/>
        <source>Saved %1</source>
        <translation>Đã lưu lúc %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="224"/>
        <source>Not saved: the disk is full. The draft is kept in this window and saved as soon as space is freed.</source>
        <translation>Chưa lưu được: ổ đĩa đã đầy. Bản nháp vẫn được giữ trong cửa sổ này và sẽ được lưu ngay khi có dung lượng trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="227"/>
        <source>Not saved, retrying: %1</source>
        <translation>Chưa lưu được, đang thử lại: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Visit — %1</source>
        <translation>Làm việc tại chỗ — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Call — %1</source>
        <translation>Cuộc gọi — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="271"/>
        <source>Amendment of an earlier record. Reason: %1</source>
        <translation>Sửa đổi của một biên bản trước đó. Lý do: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Visit</source>
        <translation>&amp;Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Call</source>
        <translation>&amp;Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="274"/>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="275"/>
        <source>Previous step (Alt+Left)</source>
        <translation>Bước trước (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="276"/>
        <source>Next →</source>
        <translation>Tiếp →</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="277"/>
        <source>Next step (Alt+Right or Ctrl+Enter)</source>
        <translation>Bước tiếp theo (Alt+Right hoặc Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="278"/>
        <source>Finalize…</source>
        <translation>Hoàn tất…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="279"/>
        <source>Check everything and freeze the record (Ctrl+Enter)</source>
        <translation>Kiểm tra toàn bộ và khóa biên bản (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="280"/>
        <source>Previous step</source>
        <translation>Bước trước</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="281"/>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="282"/>
        <source>Go on (next step or finalize)</source>
        <translation>Tiếp tục (bước tiếp theo hoặc hoàn tất)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="283"/>
        <source>Discard this draft…</source>
        <translation>Hủy bản nháp này…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="284"/>
        <source>Close (keeps the draft)</source>
        <translation>Đóng (giữ bản nháp)</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="155"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="158"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="160"/>
        <source>From the office</source>
        <translation>Từ văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Visit</source>
        <translation>Làm việc tại chỗ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>Call</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="169"/>
        <source>Amendment of the record of %1. Reason: %2</source>
        <translation>Sửa đổi biên bản ngày %1. Lý do: %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="173"/>
        <source>Corrected by a later amendment; kept unchanged as evidence.</source>
        <translation>Đã được sửa đổi bằng một biên bản sau; bản này được giữ nguyên làm bằng chứng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="174"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="190"/>
        <source>No visits recorded yet</source>
        <translation>Chưa có buổi làm việc nào</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="191"/>
        <source>&amp;Amend…</source>
        <translation>&amp;Sửa đổi…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="192"/>
        <source>Correct this record: a new record with a reason; the original stays as it was</source>
        <translation>Sửa đổi biên bản này: lập biên bản mới kèm lý do; biên bản gốc được giữ nguyên</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="253"/>
        <source>Void receipt</source>
        <translation>Hủy biên nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="255"/>
        <source>Void receipt %1: %2 taken from %3 on %4? It will no longer count anywhere, and the collector&apos;s laptop learns of it with the next pack. Say why:</source>
        <translation>Hủy biên nhận %1: %2 thu từ %3 ngày %4? Biên nhận sẽ không còn được tính ở bất kỳ đâu, và máy tính của nhân viên thu hồi nợ sẽ được báo qua gói giao việc tiếp theo. Hãy nêu lý do:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="259"/>
        <source>Reason (required)</source>
        <translation>Lý do (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/receipts_view.py" line="260"/>
        <source>Void</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="18"/>
        <source>Required.</source>
        <translation>Bắt buộc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="19"/>
        <source>The amount must be more than zero.</source>
        <translation>Số tiền phải lớn hơn 0.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="20"/>
        <source>More than the open balance of {balance}.</source>
        <translation>Vượt quá số dư còn nợ {balance}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="21"/>
        <source>This date is in the past: agree on a specific day from today on.</source>
        <translation>Ngày này đã qua: hãy thống nhất một ngày cụ thể từ hôm nay trở đi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="22"/>
        <source>More than {days} days ahead: agree on an earlier date.</source>
        <translation>Quá {days} ngày kể từ hôm nay: hãy thống nhất một ngày sớm hơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="23"/>
        <source>Pick a day after today.</source>
        <translation>Chọn một ngày sau hôm nay.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="24"/>
        <source>Allocated {allocated} but received {amount}.</source>
        <translation>Đã phân bổ {allocated} nhưng số tiền thu là {amount}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="25"/>
        <source>More than the open balance of invoice {invoice}.</source>
        <translation>Vượt quá số dư còn nợ của hóa đơn {invoice}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="26"/>
        <source>Give the transfer or cheque reference.</source>
        <translation>Nhập số tham chiếu chuyển khoản hoặc số séc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="27"/>
        <source>A post-dated cheque needs the date written on it, after today.</source>
        <translation>Séc ghi ngày sau cần có ngày ghi trên séc, sau hôm nay.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="28"/>
        <source>The installments add up to {sum}, not the agreed {total}.</source>
        <translation>Tổng các kỳ trả góp là {sum}, không khớp tổng số tiền thỏa thuận {total}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="29"/>
        <source>Each installment must fall after the previous one.</source>
        <translation>Mỗi kỳ trả góp phải sau kỳ trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="30"/>
        <source>The down payment must be less than the agreed total.</source>
        <translation>Khoản trả trước phải nhỏ hơn tổng số tiền thỏa thuận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="31"/>
        <source>The discount must be between 0 and {max} %.</source>
        <translation>Chiết khấu phải từ 0 đến {max} %.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="32"/>
        <source>Say until when the early-payment discount applies.</source>
        <translation>Nhập thời hạn áp dụng chiết khấu thanh toán sớm.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="33"/>
        <source>Pick at least one invoice.</source>
        <translation>Chọn ít nhất một hóa đơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="34"/>
        <source>The signature is too small; clear it and sign again.</source>
        <translation>Chữ ký quá nhỏ; hãy xóa và ký lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="35"/>
        <source>Not a date that exists: pick the day from the calendar.</source>
        <translation>Ngày này không tồn tại: hãy chọn ngày trên lịch.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="36"/>
        <source>Signature required: sign in the box.</source>
        <translation>Cần có chữ ký: hãy ký vào ô.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="37"/>
        <source>Add a photo of the closed premises.</source>
        <translation>Hãy đính kèm ảnh chụp cơ sở đang đóng cửa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="38"/>
        <source>The customer was absent: say what you found, add a photo and the revisit date.</source>
        <translation>Không gặp khách hàng: hãy ghi lại tình hình thực tế, đính kèm ảnh và ngày quay lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="39"/>
        <source>Nobody to meet? Tick &quot;Customer absent&quot; at Meet first.</source>
        <translation>Không có ai để làm việc? Trước tiên hãy đánh dấu “Không gặp khách hàng” ở bước Gặp gỡ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="40"/>
        <source>Nobody was met, so nobody refused: remove the refusal or untick &quot;Customer absent&quot; at Meet.</source>
        <translation>Không gặp ai nên không có ai từ chối: hãy xóa kết quả từ chối thanh toán hoặc bỏ đánh dấu “Không gặp khách hàng” ở bước Gặp gỡ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="41"/>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation>Quá dài: {length} ký tự, tối đa {max}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="42"/>
        <source>Money received, promises and installments come to {committed}, more than the {balance} owed: confirm why.</source>
        <translation>Tổng các mục Đã thu tiền, cam kết và kỳ trả góp là {committed}, nhiều hơn số còn nợ {balance}: hãy xác nhận lý do.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="45"/>
        <source>Not an amount: type digits, e.g. {example}.</source>
        <translation>Số tiền không hợp lệ: nhập chữ số, ví dụ {example}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="46"/>
        <source>Add at least one outcome.</source>
        <translation>Thêm ít nhất một kết quả.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="47"/>
        <source>The signer&apos;s printed name is required.</source>
        <translation>Cần ghi rõ họ tên người ký.</translation>
    </message>
</context>
</TS>
