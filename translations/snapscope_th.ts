<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AccessGate</name>
    <message>
        <source>support</source>
        <translation>ฝ่ายสนับสนุน</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>นักวิเคราะห์</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
    <message>
        <source>Needs the %1 role; this login is %2.</source>
        <translation>ต้องมีบทบาท %1 แต่ล็อกอินนี้เป็น %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> หรือ </translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Who</source>
        <translation>ผู้ดำเนินการ</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>โฮสต์</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>การกระทำ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>พารามิเตอร์</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>เวลา (%1)</translation>
    </message>
</context>
<context>
    <name>AuditLogPanel</name>
    <message>
        <source>&amp;Action:</source>
        <translation>การกระทำ (&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>ผู้ดำเนินการ (&amp;W):</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>ตั้งแต่ (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>ถึง (&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>รีเฟรช (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>ส่งออก CSV (&amp;E)…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>ส่งออกบันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>ส่งออกไปที่ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>CaseAssembler</name>
    <message>
        <source>order id</source>
        <translation>รหัสคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>รหัสลูกค้า</translation>
    </message>
    <message>
        <source>chat session</source>
        <translation>เซสชันแชท</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>โทรศัพท์</translation>
    </message>
</context>
<context>
    <name>CaseHitModel</name>
    <message>
        <source>Order</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>ตรงกันจาก</translation>
    </message>
    <message>
        <source>Created (%1)</source>
        <translation>สร้างเมื่อ (%1)</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>status %1</source>
        <translation>สถานะ %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>ยอดรวม %1</translation>
    </message>
    <message>
        <source>status %1 → %2</source>
        <translation>สถานะ %1 → %2</translation>
    </message>
    <message>
        <source>total %1 → %2</source>
        <translation>ยอดรวม %1 → %2</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 ข้อความ</translation>
    </message>
    <message>
        <source>handed off</source>
        <translation>ส่งต่อแล้ว</translation>
    </message>
    <message>
        <source>order created</source>
        <translation>สร้างคำสั่งซื้อแล้ว</translation>
    </message>
    <message>
        <source>satisfaction %1/5</source>
        <translation>ความพึงพอใจ %1/5</translation>
    </message>
    <message>
        <source>%1 events replayed</source>
        <translation>เล่นซ้ำ %1 อีเวนต์</translation>
    </message>
    <message>
        <source>snapshot %1 + %2 events</source>
        <translation>สแนปช็อต %1 + %2 อีเวนต์</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>สแนปช็อต %1</translation>
    </message>
</context>
<context>
    <name>CaseTimelineModel</name>
    <message>
        <source>Order</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>แชท</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>การเคลื่อนไหวสต็อก</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>การเงิน</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Triggered by</source>
        <translation>เกิดจาก</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>เวลา (%1)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>&amp;Find a case:</source>
        <translation>ค้นหาเคส (&amp;F):</translation>
    </message>
    <message>
        <source>Order id, customer id, chat session id or phone number (or its first digits)</source>
        <translation>รหัสคำสั่งซื้อ รหัสลูกค้า รหัสเซสชันแชท หรือเบอร์โทรศัพท์ (หรือตัวเลขต้น ๆ)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>ค้นหา</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>แสดงข้อมูล</translation>
    </message>
    <message>
        <source>Show one masked contact detail of the customer (recorded in the audit log)</source>
        <translation>แสดงข้อมูลติดต่อของลูกค้าที่ถูกปิดบังหนึ่งรายการ (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>&amp;Compare with previous</source>
        <translation>เปรียบเทียบกับเวอร์ชันก่อนหน้า (&amp;C)</translation>
    </message>
    <message>
        <source>Compare the selected snapshot with its entity&apos;s previous version</source>
        <translation>เปรียบเทียบสแนปช็อตที่เลือกกับเวอร์ชันก่อนหน้าของเอนทิตีเดียวกัน</translation>
    </message>
    <message>
        <source>Legal &amp;hold…</source>
        <translation>ระงับตามกฎหมาย (&amp;H)…</translation>
    </message>
    <message>
        <source>Pin every snapshot of the case so that no cleanup removes it</source>
        <translation>ปักหมุดทุกสแนปช็อตของเคสเพื่อไม่ให้การล้างข้อมูลลบทิ้ง</translation>
    </message>
    <message>
        <source>&amp;Lift hold…</source>
        <translation>ยกเลิกการระงับ (&amp;L)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>ส่งออก PDF (&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;bundle…</source>
        <translation>ส่งออกชุดหลักฐาน (&amp;B)…</translation>
    </message>
    <message>
        <source>The case&apos;s snapshots exactly as stored, with a manifest of checksums (.ndjson.zst); snapscope-cli verify --bundle re-checks it. Contact details are not masked in it: the checksums cover them.</source>
        <translation>สแนปช็อตของเคสตามที่จัดเก็บทุกไบต์ พร้อมรายการเช็กซัม (.ndjson.zst) ตรวจซ้ำได้ด้วย snapscope-cli verify --bundle ข้อมูลติดต่อในไฟล์นี้ไม่ถูกปิดบัง เพราะเช็กซัมครอบคลุมข้อมูลเหล่านั้น</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>ณ เวลา (&amp;A):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <source>Move through the case&apos;s snapshots (arrow keys)</source>
        <translation>เลื่อนดูสแนปช็อตของเคส (ปุ่มลูกศร)</translation>
    </message>
    <message>
        <source>Merged timeline</source>
        <translation>ไทม์ไลน์รวม</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>การเคลื่อนไหวสต็อก</translation>
    </message>
    <message>
        <source>Financial records</source>
        <translation>บันทึกทางการเงิน</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>แชท</translation>
    </message>
    <message>
        <source>Reveal %1</source>
        <translation>แสดง %1</translation>
    </message>
    <message>
        <source>Search for an order, a customer, a chat session or a phone number.</source>
        <translation>ค้นหาคำสั่งซื้อ ลูกค้า เซสชันแชท หรือเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>Could not search for &quot;%1&quot;: %2</source>
        <translation>ค้นหา &quot;%1&quot; ไม่ได้: %2</translation>
    </message>
    <message>
        <source>No order matches &quot;%1&quot;.</source>
        <translation>ไม่มีคำสั่งซื้อที่ตรงกับ &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) match &quot;%1&quot;.</source>
        <translation>
            <numerusform>พบคำสั่งซื้อ %n รายการที่ตรงกับ &quot;%1&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>กำลังเปิด %1…</translation>
    </message>
    <message>
        <source>Could not open case %1: %2</source>
        <translation>เปิดเคส %1 ไม่ได้: %2</translation>
    </message>
    <message>
        <source>Could not rebuild the case at that moment: %1</source>
        <translation>สร้างสถานะของเคส ณ เวลานั้นไม่ได้: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 snapshots had been taken</source>
        <translation>
            <numerusform>ถ่ายสแนปช็อตแล้ว %n จาก %1 รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:#8a4b00&apos;&gt;on legal hold&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:#8a4b00&apos;&gt;อยู่ระหว่างระงับตามกฎหมาย&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:#8a4b00&apos;&gt;%1 of %2 snapshots on legal hold&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:#8a4b00&apos;&gt;ระงับตามกฎหมาย %1 จาก %2 สแนปช็อต&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; · %2 %3 · phone %4 · email %5&lt;br&gt;address %6&lt;br&gt;%7 order, %8 chat, %9 stock and %10 financial snapshots%11</source>
        <translation>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; · %2 %3 · โทร %4 · อีเมล %5&lt;br&gt;ที่อยู่ %6&lt;br&gt;สแนปช็อตคำสั่งซื้อ %7 แชท %8 สต็อก %9 และการเงิน %10%11</translation>
    </message>
    <message>
        <source>&lt;p&gt;As of %1 the order had not been created yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;ณ เวลา %1 คำสั่งซื้อยังไม่ถูกสร้าง&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;As of &lt;b&gt;%1&lt;/b&gt;: %2 · version %3 · %4 ms&lt;/p&gt;</source>
        <translation>&lt;p&gt;ณ เวลา &lt;b&gt;%1&lt;/b&gt;: %2 · เวอร์ชัน %3 · %4 มิลลิวินาที&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Order — %n field(s) changed since the previous position</source>
        <translation>
            <numerusform>คำสั่งซื้อ — เปลี่ยนไป %n ฟิลด์จากตำแหน่งก่อนหน้า</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;No chat session led to this order.&lt;/p&gt;</source>
        <translation>&lt;p&gt;ไม่มีเซสชันแชทที่นำไปสู่คำสั่งซื้อนี้&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: had not started by %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: ยังไม่เริ่มเมื่อ %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · %4 messages&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · %4 ข้อความ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Intents: %1&lt;br&gt;AI confidence %2 (%3)&lt;br&gt;Hand-off to a person: %4&lt;br&gt;Satisfaction: %5&lt;br&gt;Outcome: %6&lt;/p&gt;</source>
        <translation>&lt;p&gt;เจตนา: %1&lt;br&gt;ความมั่นใจของ AI %2 (%3)&lt;br&gt;ส่งต่อให้เจ้าหน้าที่: %4&lt;br&gt;ความพึงพอใจ: %5&lt;br&gt;ผลลัพธ์: %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>yes (%1)</source>
        <translation>ใช่ (%1)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่</translation>
    </message>
    <message>
        <source>not rated yet</source>
        <translation>ยังไม่ได้ให้คะแนน</translation>
    </message>
    <message>
        <source>order %1 for %2</source>
        <translation>คำสั่งซื้อ %1 ยอด %2</translation>
    </message>
    <message>
        <source>no order yet</source>
        <translation>ยังไม่มีคำสั่งซื้อ</translation>
    </message>
    <message>
        <source> · confidence %1</source>
        <translation> · ความมั่นใจ %1</translation>
    </message>
    <message>
        <source>The %1 stays masked: revealing it could not be recorded in the audit log (%2).</source>
        <translation>%1 ยังคงถูกปิดบัง: ไม่สามารถบันทึกการแสดงข้อมูลลงในบันทึกการตรวจสอบได้ (%2)</translation>
    </message>
    <message>
        <source>The customer&apos;s %1 is shown for case %2 (recorded in the audit log).</source>
        <translation>แสดง %1 ของลูกค้าสำหรับเคส %2 แล้ว (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>%1 v%2 is the first version: there is nothing before it to compare with.</source>
        <translation>%1 v%2 เป็นเวอร์ชันแรก จึงไม่มีเวอร์ชันก่อนหน้าให้เปรียบเทียบ</translation>
    </message>
    <message>
        <source>Select a snapshot of the case first.</source>
        <translation>โปรดเลือกสแนปช็อตของเคสก่อน</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>ระงับตามกฎหมาย</translation>
    </message>
    <message>
        <source>Lift the legal hold</source>
        <translation>ยกเลิกการระงับตามกฎหมาย</translation>
    </message>
    <message numerus="yes">
        <source>Why must the %n snapshot(s) of case %1 be kept? (recorded in the audit log)</source>
        <translation>
            <numerusform>เหตุใดจึงต้องเก็บสแนปช็อต %n รายการของเคส %1 ไว้ (บันทึกในบันทึกการตรวจสอบ)</numerusform>
        </translation>
    </message>
    <message>
        <source>Why may the snapshots of case %1 be cleaned up again? (recorded in the audit log)</source>
        <translation>เหตุใดจึงอนุญาตให้ล้างสแนปช็อตของเคส %1 ได้อีกครั้ง (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Reason needed</source>
        <translation>ต้องระบุเหตุผล</translation>
    </message>
    <message>
        <source>A legal hold or its release needs a reason.</source>
        <translation>การระงับตามกฎหมายหรือการยกเลิกต้องมีเหตุผล</translation>
    </message>
    <message>
        <source>Legal hold not changed</source>
        <translation>ไม่ได้เปลี่ยนการระงับตามกฎหมาย</translation>
    </message>
    <message numerus="yes">
        <source>Case %1: %n snapshot(s) on legal hold.</source>
        <translation>
            <numerusform>เคส %1: ระงับตามกฎหมาย %n สแนปช็อต</numerusform>
        </translation>
    </message>
    <message>
        <source>Case %1: the legal hold is lifted.</source>
        <translation>เคส %1: ยกเลิกการระงับตามกฎหมายแล้ว</translation>
    </message>
    <message>
        <source>Export the case as PDF</source>
        <translation>ส่งออกเคสเป็น PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting case %1…</source>
        <translation>กำลังส่งออกเคส %1…</translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation>ไม่ได้เขียน PDF</translation>
    </message>
    <message>
        <source>Wrote %1: every snapshot verified.</source>
        <translation>เขียน %1 แล้ว: ตรวจสอบสแนปช็อตผ่านทั้งหมด</translation>
    </message>
    <message>
        <source>Wrote %1: %2 snapshot(s) FAILED verification (named in the report).</source>
        <translation>เขียน %1 แล้ว: สแนปช็อต %2 รายการตรวจสอบไม่ผ่าน (ระบุไว้ในรายงาน)</translation>
    </message>
    <message>
        <source>Export the case&apos;s evidence bundle</source>
        <translation>ส่งออกชุดหลักฐานของเคส</translation>
    </message>
    <message>
        <source>Evidence bundles (*.ndjson.zst)</source>
        <translation>ชุดหลักฐาน (*.ndjson.zst)</translation>
    </message>
    <message>
        <source>Exporting the bundle of case %1…</source>
        <translation>กำลังส่งออกชุดหลักฐานของเคส %1…</translation>
    </message>
    <message>
        <source>Bundle not written</source>
        <translation>ไม่ได้เขียนชุดหลักฐาน</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n snapshot(s) to %1; snapscope-cli verify --bundle re-checks it.</source>
        <translation>
            <numerusform>เขียนสแนปช็อต %n รายการลงใน %1 แล้ว ตรวจซ้ำได้ด้วย snapscope-cli verify --bundle</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;As of (%1):</source>
        <translation>ณ เวลา (&amp;A) (%1):</translation>
    </message>
    <message>
        <source>The %1 stays withheld: the order&apos;s state at this moment comes from its events alone, and only a snapshot&apos;s details can be revealed.</source>
        <translation>%1 ยังคงถูกเก็บแยกไว้: สถานะของคำสั่งซื้อ ณ เวลานี้มาจากเหตุการณ์เท่านั้น และเปิดเผยได้เฉพาะรายละเอียดของสแนปช็อต</translation>
    </message>
    <message>
        <source>The %1 stays withheld: an event after snapshot %2 may have changed it, and only a snapshot&apos;s details can be revealed.</source>
        <translation>%1 ยังคงถูกเก็บแยกไว้: เหตุการณ์หลังสแนปช็อต %2 อาจเปลี่ยนค่านี้ไปแล้ว และเปิดเผยได้เฉพาะรายละเอียดของสแนปช็อต</translation>
    </message>
</context>
<context>
    <name>ChangeListModel</name>
    <message>
        <source>changed</source>
        <translation>เปลี่ยน</translation>
    </message>
    <message>
        <source>added</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>ย้าย</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Where (JSON Pointer)</source>
        <translation>ตำแหน่ง (JSON Pointer)</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>ค่าเดิม</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>ค่าใหม่</translation>
    </message>
</context>
<context>
    <name>ChartTools</name>
    <message>
        <source>Last 7 days</source>
        <translation>7 วันล่าสุด</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 วันล่าสุด</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 วันล่าสุด</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>เดือนนี้</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>เดือนที่แล้ว</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 เดือนล่าสุด</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>กำหนดเอง</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>ส่งออกแผนภูมิ</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>รูปภาพ PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>ส่งออกไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>เขียน %1 ไม่ได้</translation>
    </message>
    <message>
        <source>Export the series</source>
        <translation>ส่งออกชุดข้อมูล</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>เขียน %1 ไม่ได้: %2</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>a month on a chart&apos;s time axis</comment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>a day on a chart&apos;s time axis, with the year</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a day on a chart&apos;s time axis</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>%1 (a business day in %2)</source>
        <translation>%1 (วันทำการตามเขตเวลา %2)</translation>
    </message>
    <message>
        <source>%1 to %2 (business days in %3)</source>
        <translation>%1 ถึง %2 (วันทำการตามเขตเวลา %3)</translation>
    </message>
    <message>
        <source>%1 (business days in %2)</source>
        <translation>%1 (วันทำการตามเขตเวลา %2)</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>a month in a chart&apos;s tooltip</comment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>รายสัปดาห์</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>รายเดือน</translation>
    </message>
    <message>
        <source>%1 to %2, %3, business days in %4</source>
        <translation>%1 ถึง %2, %3, วันทำการตามเขตเวลา %4</translation>
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
        <translation>รีเซ็ตการซูม (&amp;Z)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>ตาราง (&amp;A)</translation>
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
        <translation>สแนปช็อตแชทที่นับ (คิวรีประสิทธิภาพแชทในข้อกำหนดใช้ session_ended)</translation>
    </message>
    <message>
        <source>The measure drawn as a line on the right axis</source>
        <translation>ค่าที่แสดงเป็นเส้นบนแกนขวา</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>ทุกแพลตฟอร์ม</translation>
    </message>
    <message>
        <source>With or without hand-off</source>
        <translation>มีหรือไม่มีการส่งต่อ</translation>
    </message>
    <message>
        <source>Handed off to a human</source>
        <translation>ส่งต่อให้เจ้าหน้าที่</translation>
    </message>
    <message>
        <source>AI only</source>
        <translation>AI เท่านั้น</translation>
    </message>
    <message>
        <source>Conversion rate (%)</source>
        <translation>อัตราการเปลี่ยนเป็นยอดขาย (%)</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>มูลค่าคำสั่งซื้อเฉลี่ย</translation>
    </message>
    <message>
        <source>Average duration (s)</source>
        <translation>ระยะเวลาเฉลี่ย (วินาที)</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>ความพึงพอใจเฉลี่ย</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>รายสัปดาห์</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>ช่วงเวลาสิ้นสุดก่อนเริ่มต้น</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>กำลังอ่าน…</translation>
    </message>
    <message>
        <source>Cannot read the series: %1</source>
        <translation>อ่านชุดข้อมูลไม่ได้: %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>การสนทนา</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>เปลี่ยนเป็นยอดขาย</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>อัตราการเปลี่ยนเป็นยอดขาย</translation>
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
        <translation>ไม่มีสแนปช็อตแชทประเภท %1 ระหว่าง %2 ถึง %3 (วันทำการตามเขตเวลา %4)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 periods · %2 conversations · %3 converted (%4) · business days in %5</source>
        <translation>%1 ช่วง · การสนทนา %2 รายการ · เปลี่ยนเป็นยอดขาย %3 รายการ (%4) · วันทำการตามเขตเวลา %5</translation>
    </message>
    <message>
        <source>no conversations</source>
        <translation>ไม่มีการสนทนา</translation>
    </message>
    <message>
        <source>%1 conversations, %2 converted (%3)
average order value %4 · duration %5 s · satisfaction %6
LINE %7 · Facebook %8 · WhatsApp %9</source>
        <translation>การสนทนา %1 รายการ, เปลี่ยนเป็นยอดขาย %2 รายการ (%3)
มูลค่าคำสั่งซื้อเฉลี่ย %4 · ระยะเวลา %5 วินาที · ความพึงพอใจ %6
LINE %7 · Facebook %8 · WhatsApp %9</translation>
    </message>
    <message>
        <source>%1 snapshots</source>
        <translation>สแนปช็อตประเภท %1</translation>
    </message>
    <message>
        <source>all platforms</source>
        <translation>ทุกแพลตฟอร์ม</translation>
    </message>
    <message>
        <source>platform %1</source>
        <translation>แพลตฟอร์ม %1</translation>
    </message>
    <message>
        <source>with or without hand-off</source>
        <translation>มีหรือไม่มีการส่งต่อ</translation>
    </message>
    <message>
        <source>handed off to a human</source>
        <translation>ส่งต่อให้เจ้าหน้าที่</translation>
    </message>
    <message>
        <source>right axis: %1</source>
        <translation>แกนขวา: %1</translation>
    </message>
    <message>
        <source>Chat conversion · %1</source>
        <translation>การเปลี่ยนแชทเป็นยอดขาย · %1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>ตัวกรอง: %1</translation>
    </message>
    <message>
        <source>&amp;Training data…</source>
        <translation>ข้อมูลฝึก AI (&amp;T)…</translation>
    </message>
    <message>
        <source>Export chat snapshots as AI training data (JSON lines, contact details masked)</source>
        <translation>ส่งออกสแนปช็อตแชทเป็นข้อมูลฝึก AI (JSON lines ปิดบังข้อมูลติดต่อ)</translation>
    </message>
    <message>
        <source>Export AI Training Data</source>
        <translation>ส่งออกข้อมูลฝึก AI</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting training data…</source>
        <translation>กำลังส่งออกข้อมูลฝึก AI…</translation>
    </message>
    <message>
        <source>The training export was cancelled; nothing was written.</source>
        <translation>ยกเลิกการส่งออกข้อมูลฝึกแล้ว ไม่ได้เขียนไฟล์ใด</translation>
    </message>
    <message>
        <source>The training export failed: %1</source>
        <translation>ส่งออกข้อมูลฝึกไม่สำเร็จ: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n training record(s) to %1 (of %2 chat snapshots read).</source>
        <translation>
            <numerusform>เขียนข้อมูลฝึก %n รายการลงใน %1 แล้ว (จากสแนปช็อตแชทที่อ่าน %2 รายการ)</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the %1 chat snapshots read matched: %2 is empty.</source>
        <translation>ไม่มีสแนปช็อตแชทที่ตรงเงื่อนไขจาก %1 รายการที่อ่าน: %2 ว่างเปล่า</translation>
    </message>
</context>
<context>
    <name>CleanupPreviewDialog</name>
    <message>
        <source>Cleanup plan</source>
        <translation>แผนการล้างข้อมูล</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>แสดง (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Write an archive first:</source>
        <translation>เขียนไฟล์เก็บถาวรก่อน (&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>เรียกดู (&amp;B)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 snapshots (%3) go to the trash; %4 snapshots (%5) stay.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: สแนปช็อต %2 รายการ (%3) จะย้ายไปถังขยะ และ %4 รายการ (%5) จะคงอยู่</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>stays,</source>
        <translation>คงอยู่,</translation>
    </message>
    <message>
        <source>goes,</source>
        <translation>ลบออก,</translation>
    </message>
    <message>
        <source>What goes</source>
        <translation>รายการที่จะลบ</translation>
    </message>
    <message>
        <source>What stays</source>
        <translation>รายการที่คงอยู่</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 แถว</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>ย้าย %1 ไปถังขยะ</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>เก็บถาวร</translation>
    </message>
    <message>
        <source>Snapshot archives (*.ndjson.zst)</source>
        <translation>ไฟล์เก็บถาวรสแนปช็อต (*.ndjson.zst)</translation>
    </message>
    <message>
        <source>Clean up %1</source>
        <translation>ล้างข้อมูล %1</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>บันทึกนโยบาย</translation>
    </message>
    <message>
        <source>Save the %1 policy</source>
        <translation>บันทึกนโยบายของ %1</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>&amp;Hide unchanged</source>
        <translation>ซ่อนส่วนที่ไม่เปลี่ยน (&amp;H)</translation>
    </message>
    <message>
        <source>Export &amp;patch…</source>
        <translation>ส่งออกแพตช์ (&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>ส่งออกรายงาน (&amp;R)…</translation>
    </message>
    <message>
        <source>Select two snapshots in the timeline and choose Compare, or use Compare with previous (Ctrl+D).</source>
        <translation>เลือกสแนปช็อตสองรายการในไทม์ไลน์แล้วเลือก เปรียบเทียบ หรือใช้ เปรียบเทียบกับเวอร์ชันก่อนหน้า (Ctrl+D)</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>การเปลี่ยนแปลงถัดไป</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>การเปลี่ยนแปลงก่อนหน้า</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>กำลังเปรียบเทียบ…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot compare.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;เปรียบเทียบไม่ได้&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>กำลังจัดวาง…</translation>
    </message>
    <message>
        <source>⋯ %1 unchanged lines</source>
        <translation>⋯ %1 บรรทัดที่ไม่เปลี่ยน</translation>
    </message>
    <message>
        <source>Export the patch</source>
        <translation>ส่งออกแพตช์</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>ส่งออกรายงาน</translation>
    </message>
    <message>
        <source>JSON Patch (*.json)</source>
        <translation>JSON Patch (*.json)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>ข้อความ (*.txt)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>ส่งออกไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>เขียน %1 ไม่ได้: %2</translation>
    </message>
    <message>
        <source>%1 &amp;nbsp;→&amp;nbsp; %2 &amp;nbsp;(%3)</source>
        <translation>%1 &amp;nbsp;→&amp;nbsp; %2 &amp;nbsp;(%3)</translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit log, so nothing was written: %1</source>
        <translation>ไม่สามารถบันทึกการส่งออกลงในบันทึกการตรวจสอบได้ จึงไม่ได้เขียนไฟล์ใด ๆ: %1</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>เปลี่ยน %1 เพิ่ม %2 ลบ %3</translation>
    </message>
    <message>
        <source>, %1 moved</source>
        <translation> ย้าย %1</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a snapshot store</source>
        <translation>เชื่อมต่อกับที่เก็บสแนปช็อต</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>ล่าสุด (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;SQLite file</source>
        <translation>ไฟล์ SQLite (&amp;S)</translation>
    </message>
    <message>
        <source>/path/to/snapshots.sqlite</source>
        <translation>/path/to/snapshots.sqlite</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>เปิดไฟล์ (&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New file…</source>
        <translation>ไฟล์ใหม่ (&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty SnapScope database if the file does not exist</source>
        <translation>สร้างฐานข้อมูล SnapScope เปล่าหากยังไม่มีไฟล์</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL</source>
        <translation>PostgreSQL (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>โฮสต์ (&amp;H)</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>พอร์ต (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>ฐานข้อมูล (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>ผู้ใช้ (&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>รหัสผ่าน (&amp;W)</translation>
    </message>
    <message>
        <source>empty: SNAPSCOPE_PGPASSWORD or ~/.pgpass</source>
        <translation>เว้นว่าง: ใช้ SNAPSCOPE_PGPASSWORD หรือ ~/.pgpass</translation>
    </message>
    <message>
        <source>SSL &amp;mode</source>
        <translation>โหมด SSL (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>ทดสอบการเชื่อมต่อ (&amp;T)</translation>
    </message>
    <message>
        <source>(choose a recent connection)</source>
        <translation>(เลือกการเชื่อมต่อล่าสุด)</translation>
    </message>
    <message>
        <source>Open a SnapScope database</source>
        <translation>เปิดฐานข้อมูล SnapScope</translation>
    </message>
    <message>
        <source>Create a SnapScope database</source>
        <translation>สร้างฐานข้อมูล SnapScope</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>โปรดเลือกไฟล์ฐานข้อมูล</translation>
    </message>
    <message>
        <source>Host, database and user are needed.</source>
        <translation>ต้องระบุโฮสต์ ฐานข้อมูล และผู้ใช้</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>กำลังเชื่อมต่อกับ %1…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;Cannot connect.&lt;/b&gt;&lt;/span&gt; %1</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;เชื่อมต่อไม่ได้&lt;/b&gt;&lt;/span&gt; %1</translation>
    </message>
    <message>
        <source>Connected: a SnapScope database (schema version %1).</source>
        <translation>เชื่อมต่อแล้ว: ฐานข้อมูล SnapScope (สคีมาเวอร์ชัน %1)</translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>สแนปช็อต</translation>
    </message>
    <message>
        <source>Last snapshot (%1)</source>
        <translation>สแนปช็อตล่าสุด (%1)</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <source>Replayed onto the snapshot to reach the state shown</source>
        <translation>เล่นซ้ำบนสแนปช็อตเพื่อให้ได้สถานะที่แสดง</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>แพตช์</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>เวลา (%1)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&amp;Tenant</source>
        <translation>ผู้เช่า (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>ประเภท (&amp;K)</translation>
    </message>
    <message>
        <source>Snapshot types to list (none checked: every type)</source>
        <translation>ชนิดสแนปช็อตที่จะแสดง (ไม่เลือก: ทุกชนิด)</translation>
    </message>
    <message>
        <source>&amp;Entity</source>
        <translation>เอนทิตี (&amp;E)</translation>
    </message>
    <message>
        <source>id starts with…</source>
        <translation>รหัสขึ้นต้นด้วย…</translation>
    </message>
    <message>
        <source>Created &amp;by</source>
        <translation>สร้างโดย (&amp;B)</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>ใครก็ได้</translation>
    </message>
    <message>
        <source>T&amp;aken</source>
        <translation>ถ่ายเมื่อ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>ตั้งแต่ (&amp;F)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>ถึง (&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>ล้างตัวกรอง (&amp;L)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>ทุกเวลา</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 ชั่วโมงล่าสุด</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 วันล่าสุด</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 วันล่าสุด</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 วันล่าสุด</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>เดือนนี้</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>เดือนที่แล้ว</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>กำหนดช่วงเอง</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>ทุกชนิด</translation>
    </message>
    <message>
        <source>%1 types</source>
        <translation>%1 ชนิด</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Times in the filters and on the timeline are in the tenant&apos;s business time zone</source>
        <translation>เวลาในตัวกรองและในไทม์ไลน์เป็นเขตเวลาทำการของผู้เช่า</translation>
    </message>
    <message>
        <source>Entity ids starting with this text, in any case</source>
        <translation>รหัสเอนทิตีที่ขึ้นต้นด้วยข้อความนี้ ไม่สนตัวพิมพ์เล็กใหญ่</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>มีคำว่า…</translation>
    </message>
    <message>
        <source>Creators whose name contains this text, in any case</source>
        <translation>ผู้สร้างที่ชื่อมีข้อความนี้ ไม่สนตัวพิมพ์เล็กใหญ่</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>เลือกวัน</translation>
    </message>
    <message>
        <source>A day (2026-10-01, its midnight) or a day and time (2026-10-01 13:30) in %1</source>
        <translation>วัน (2026-10-01 คือเที่ยงคืนของวันนั้น) หรือวันและเวลา (2026-10-01 13:30) ตามเขตเวลา %1</translation>
    </message>
    <message>
        <source>Type a whole day, 2026-10-01, or a day and time, 2026-10-01 13:30</source>
        <translation>พิมพ์วันเต็ม เช่น 2026-10-01 หรือวันและเวลา เช่น 2026-10-01 13:30</translation>
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
        <translation>นำเข้าสแนปช็อต</translation>
    </message>
    <message>
        <source>Snapshots as their systems export them (JSON lines, a JSON array or objects; plain, .gz or .zst): the SAAN tables&apos; rows, mongoexport output, event store snapshots, the account API&apos;s records, DynamoDB exports, or SnapScope envelopes. Records already stored are skipped.</source>
        <translation>สแนปช็อตตามที่ระบบต้นทางส่งออก (JSON lines, อาร์เรย์ JSON หรืออ็อบเจ็กต์; ไฟล์ธรรมดา, .gz หรือ .zst): แถวจากตารางของ SAAN, ผลลัพธ์ของ mongoexport, สแนปช็อตของ event store, ระเบียนจาก API บัญชี, ไฟล์ส่งออกของ DynamoDB หรือ envelope ของ SnapScope ระเบียนที่จัดเก็บแล้วจะถูกข้าม</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>&amp;เพิ่มไฟล์…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;นำออก</translation>
    </message>
    <message>
        <source>Default &amp;tenant:</source>
        <translation>&amp;ผู้เช่าเริ่มต้น:</translation>
    </message>
    <message>
        <source>For records that name no tenant. A tenant that does not exist yet is created.</source>
        <translation>สำหรับระเบียนที่ไม่ระบุผู้เช่า ผู้เช่าที่ยังไม่มีจะถูกสร้างขึ้น</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;รูปแบบ:</translation>
    </message>
    <message>
        <source>Times without an offset &amp;in:</source>
        <translation>เวลาที่ไม่มีออฟเซ็ต&amp;ใช้เขต:</translation>
    </message>
    <message>
        <source>&amp;Skip bad records, to:</source>
        <translation>&amp;ข้ามระเบียนที่เสีย ไปยัง:</translation>
    </message>
    <message>
        <source>a file for the bad records and their reasons</source>
        <translation>ไฟล์สำหรับระเบียนที่เสียและเหตุผล</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>เ&amp;รียกดู…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;นำเข้า</translation>
    </message>
    <message>
        <source>Recognise each record</source>
        <translation>จดจำทีละระเบียน</translation>
    </message>
    <message>
        <source>SnapScope envelope</source>
        <translation>envelope ของ SnapScope</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the tenant&apos;s business time zone</source>
        <translation>เขตเวลาธุรกิจของผู้เช่า</translation>
    </message>
    <message>
        <source>Exports (*.json *.jsonl *.ndjson *.gz *.zst);;All files (*)</source>
        <translation>ไฟล์ส่งออก (*.json *.jsonl *.ndjson *.gz *.zst);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Bad Records</source>
        <translation>ระเบียนที่เสีย</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Preview: add the files to import.</source>
        <translation>ตัวอย่าง: เพิ่มไฟล์ที่จะนำเข้า</translation>
    </message>
    <message>
        <source>Reading the first records…</source>
        <translation>กำลังอ่านระเบียนแรก ๆ…</translation>
    </message>
    <message>
        <source>Cannot read the files: %1</source>
        <translation>อ่านไฟล์ไม่ได้: %1</translation>
    </message>
    <message numerus="yes">
        <source>Preview of the first %n record(s): nothing is written yet.</source>
        <translation>
            <numerusform>ตัวอย่าง %n ระเบียนแรก: ยังไม่มีการเขียนข้อมูล</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview of the first %n record(s): %1 bad. Without “Skip bad records” the import stops at the first bad record and stores nothing.</source>
        <translation>
            <numerusform>ตัวอย่าง %n ระเบียนแรก: เสีย %1 รายการ หากไม่เลือก “ข้ามระเบียนที่เสีย” การนำเข้าจะหยุดที่ระเบียนเสียรายการแรกและไม่จัดเก็บสิ่งใด</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>กำลังนำเข้า…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %1: %n record(s) read</source>
        <translation>
            <numerusform>กำลังนำเข้า %1: อ่านแล้ว %n ระเบียน</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored.</source>
        <translation>ยกเลิกแล้ว: ไม่มีการจัดเก็บสิ่งใด</translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>ไม่มีการจัดเก็บสิ่งใด: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Imported %1 of %2 record(s) in %3 s; %4 already stored.</source>
        <translation>นำเข้า %1 จาก %2 ระเบียนใน %3 วินาที; จัดเก็บไว้แล้ว %4</translation>
    </message>
    <message>
        <source>By kind: %1.</source>
        <translation>ตามชนิด: %1</translation>
    </message>
    <message>
        <source>%1 bad record(s) were written to %2.</source>
        <translation>เขียนระเบียนที่เสีย %1 รายการไปที่ %2</translation>
    </message>
    <message>
        <source>New tenant(s): %1.</source>
        <translation>ผู้เช่าใหม่: %1</translation>
    </message>
</context>
<context>
    <name>IngestPreviewModel</name>
    <message>
        <source>%1 (the source&apos;s)</source>
        <translation>%1 (ของต้นทาง)</translation>
    </message>
    <message>
        <source>by time</source>
        <translation>ตามเวลา</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ระเบียน</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>รูปร่าง</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>ผู้เช่า</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>ถ่ายเมื่อ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>เวอร์ชัน</translation>
    </message>
</context>
<context>
    <name>IntegrityPanel</name>
    <message>
        <source>Decompress every payload and check its SHA-256 in the background. Corrupt snapshots are listed with the reason and marked in the timeline; nothing is repaired automatically.</source>
        <translation>คลายการบีบอัดทุกเพย์โหลดและตรวจ SHA-256 อยู่เบื้องหลัง สแนปช็อตที่เสียหายจะแสดงพร้อมเหตุผลและทำเครื่องหมายในไทม์ไลน์ ไม่มีการซ่อมแซมอัตโนมัติ</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>ประเภท (&amp;K):</translation>
    </message>
    <message>
        <source>Include the &amp;trash</source>
        <translation>รวมถังขยะ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>ตรวจสอบ (&amp;V)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>สแนปช็อต</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>กำลังนับ…</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>การสแกนล้มเหลว: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 snapshots: %3 corrupt.</source>
        <translation>ยกเลิกหลังตรวจ %1 จาก %2 สแนปช็อต: เสียหาย %3</translation>
    </message>
    <message>
        <source>Checked %1 of %2 snapshots: %3 corrupt.</source>
        <translation>ตรวจแล้ว %1 จาก %2 สแนปช็อต: เสียหาย %3</translation>
    </message>
    <message>
        <source>Reading stopped, %1 not checked: %2</source>
        <translation>การอ่านหยุดลง ยังไม่ได้ตรวจ %1: %2</translation>
    </message>
    <message>
        <source>Damaged: %1.</source>
        <translation>เสียหาย: %1</translation>
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
        <translation>รีเซ็ตการซูม (&amp;Z)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>ตาราง (&amp;A)</translation>
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
        <translation>ช่วงก่อนหน้า (&amp;P)</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>ทุกสินค้า</translation>
    </message>
    <message>
        <source>One product</source>
        <translation>สินค้าเดียว</translation>
    </message>
    <message>
        <source>Top N by value</source>
        <translation>N อันดับแรกตามมูลค่า</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>รายสัปดาห์</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>รายเดือน</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>ช่วงเวลาสิ้นสุดก่อนเริ่มต้น</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>กำลังอ่าน…</translation>
    </message>
    <message>
        <source>Cannot read the series: %1</source>
        <translation>อ่านชุดข้อมูลไม่ได้: %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>ยอดยกมา</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>ยอดคงเหลือ</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>รับเข้า</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>จ่ายออก</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>ปรับปรุง</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>มูลค่าสต็อก</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>Closing, previous period</source>
        <translation>ยอดคงเหลือ ช่วงก่อนหน้า</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>The store whose inventory is shown</source>
        <translation>ร้านที่แสดงสินค้าคงคลัง</translation>
    </message>
    <message>
        <source>The product: type part of its id or choose it from the list</source>
        <translation>สินค้า: พิมพ์บางส่วนของรหัสหรือเลือกจากรายการ</translation>
    </message>
    <message>
        <source>How many products: those with the largest stock value on the last day with data</source>
        <translation>จำนวนสินค้า: สินค้าที่มีมูลค่าสต็อกสูงสุดในวันสุดท้ายที่มีข้อมูล</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>ทุกร้าน</translation>
    </message>
    <message>
        <source>Product id</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Cannot list the stores and products: %1</source>
        <translation>แสดงรายการร้านและสินค้าไม่ได้: %1</translation>
    </message>
    <message>
        <source>There is no inventory for store “%1”.</source>
        <translation>ไม่มีข้อมูลสินค้าคงคลังของร้าน “%1”</translation>
    </message>
    <message>
        <source>There is no inventory for product “%1”. Type part of a product id and choose one of the %2 products in the list.</source>
        <translation>ไม่มีข้อมูลสินค้าคงคลังของสินค้า “%1” พิมพ์บางส่วนของรหัสสินค้าแล้วเลือกหนึ่งในสินค้า %2 รายการจากรายการ</translation>
    </message>
    <message>
        <source>No inventory data from %1 to %2 (business days in %3).</source>
        <translation>ไม่มีข้อมูลสินค้าคงคลังระหว่าง %1 ถึง %2 (วันทำการตามเขตเวลา %3)</translation>
    </message>
    <message>
        <source>Stock value (%1)</source>
        <translation>มูลค่าสต็อก (%1)</translation>
    </message>
    <message>
        <source>%1 periods, %2 with data · business days in %3</source>
        <translation>%1 ช่วง, มีข้อมูล %2 ช่วง · วันทำการตามเขตเวลา %3</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>ไม่มีข้อมูล</translation>
    </message>
    <message>
        <source>opening %1 · closing %2
inbound %3 · outbound %4 · adjustments %5
stock value %6</source>
        <translation>ยอดยกมา %1 · ยอดคงเหลือ %2
รับเข้า %3 · จ่ายออก %4 · ปรับปรุง %5
มูลค่าสต็อก %6</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>ทุกร้าน</translation>
    </message>
    <message>
        <source>store %1</source>
        <translation>ร้าน %1</translation>
    </message>
    <message>
        <source>product %1</source>
        <translation>สินค้า %1</translation>
    </message>
    <message>
        <source>top %1 products by stock value</source>
        <translation>สินค้า %1 อันดับแรกตามมูลค่าสต็อก</translation>
    </message>
    <message>
        <source>all products</source>
        <translation>ทุกสินค้า</translation>
    </message>
    <message>
        <source>with the previous period</source>
        <translation>พร้อมช่วงก่อนหน้า</translation>
    </message>
    <message>
        <source>Inventory trends · %1</source>
        <translation>แนวโน้มสินค้าคงคลัง · %1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>ตัวกรอง: %1</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>(document)</source>
        <translation>(เอกสาร)</translation>
    </message>
    <message>
        <source>{1 member}</source>
        <translation>{1 สมาชิก}</translation>
    </message>
    <message>
        <source>{%1 members}</source>
        <translation>{%1 สมาชิก}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 รายการ]</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[%1 รายการ]</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>ค่า</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Orders</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Store stock</source>
        <translation>สต็อกร้าน</translation>
    </message>
    <message>
        <source>Chat conversations</source>
        <translation>การสนทนาแชท</translation>
    </message>
    <message>
        <source>Daily inventory</source>
        <translation>สินค้าคงคลังรายวัน</translation>
    </message>
    <message>
        <source>Inventory transactions</source>
        <translation>รายการเคลื่อนไหวสินค้า</translation>
    </message>
    <message>
        <source>Financial records</source>
        <translation>บันทึกทางการเงิน</translation>
    </message>
    <message>
        <source>Customer tiers</source>
        <translation>ระดับลูกค้า</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>บัญชี</translation>
    </message>
    <message>
        <source>Event-sourced aggregates</source>
        <translation>แอกกรีเกตแบบอีเวนต์ซอร์ส</translation>
    </message>
    <message>
        <source>order id</source>
        <translation>รหัสคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>store code</source>
        <translation>รหัสร้าน</translation>
    </message>
    <message>
        <source>chat session id</source>
        <translation>รหัสเซสชันแชท</translation>
    </message>
    <message>
        <source>store:product</source>
        <translation>ร้าน:สินค้า</translation>
    </message>
    <message>
        <source>product id</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>day or payment id</source>
        <translation>วันหรือรหัสการชำระเงิน</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>รหัสลูกค้า</translation>
    </message>
    <message>
        <source>account id</source>
        <translation>รหัสบัญชี</translation>
    </message>
    <message>
        <source>aggregate id</source>
        <translation>รหัสแอกกรีเกต</translation>
    </message>
    <message>
        <source>Stock snapshot schedules</source>
        <translation>กำหนดการสแนปช็อตสต็อก</translation>
    </message>
    <message>
        <source>tenant id</source>
        <translation>รหัสผู้เช่า</translation>
    </message>
    <message>
        <source>Cart operations</source>
        <translation>การดำเนินการกับตะกร้าสินค้า</translation>
    </message>
    <message>
        <source>Current stock levels</source>
        <translation>ระดับสต็อกปัจจุบัน</translation>
    </message>
    <message>
        <source>Search and browse activities</source>
        <translation>การค้นหาและการเรียกดู</translation>
    </message>
    <message>
        <source>Individual chat messages</source>
        <translation>ข้อความแชทแต่ละข้อความ</translation>
    </message>
</context>
<context>
    <name>KindDefinitionsDialog</name>
    <message>
        <source>Kinds of snapshot</source>
        <translation>ประเภทของสแนปช็อต</translation>
    </message>
    <message>
        <source>What SnapScope knows about each kind: the document shapes it reads and where each fact is. Definitions are read-only here; an admin imports or removes kinds with snapscope-cli kind.</source>
        <translation>สิ่งที่ SnapScope รู้เกี่ยวกับแต่ละประเภท: รูปแบบเอกสารที่อ่านได้และตำแหน่งของข้อมูลแต่ละรายการ คำจำกัดความในหน้านี้อ่านได้อย่างเดียว ผู้ดูแลระบบนำเข้าหรือลบประเภทด้วย snapscope-cli kind</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>คำจำกัดความ</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) · %3</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>มีมาในตัว</translation>
    </message>
    <message>
        <source>imported into this database</source>
        <translation>นำเข้าในฐานข้อมูลนี้</translation>
    </message>
    <message>
        <source>&lt;br&gt;Not worth a snapshot: %1</source>
        <translation>&lt;br&gt;ไม่ควรทำสแนปช็อต: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;The entity is the %1. Shapes read, in order:&lt;br&gt;%2</source>
        <translation>&lt;br&gt;เอนทิตีคือ %1 รูปแบบที่อ่านตามลำดับ:&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>KindNavigator</name>
    <message>
        <source>Find entity (id starts with…)</source>
        <translation>ค้นหาเอนทิตี (รหัสขึ้นต้นด้วย…)</translation>
    </message>
    <message>
        <source>Select a kind to search its entities.</source>
        <translation>เลือกประเภทเพื่อค้นหาเอนทิตี</translation>
    </message>
    <message>
        <source>%1: the first %2 entities (type more of the id to narrow)</source>
        <translation>%1: เอนทิตี %2 รายการแรก (พิมพ์รหัสเพิ่มเพื่อกรอง)</translation>
    </message>
    <message>
        <source>%1: %2 entities</source>
        <translation>%1: %2 เอนทิตี</translation>
    </message>
</context>
<context>
    <name>KindStatsModel</name>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>สแนปช็อต</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>ก่อนบีบอัด</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>ที่จัดเก็บ</translation>
    </message>
    <message>
        <source>Stored / raw</source>
        <translation>จัดเก็บ / ก่อนบีบอัด</translation>
    </message>
</context>
<context>
    <name>LiveSourceModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n วินาที</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n นาที</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n ชม.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2), tenant %3</source>
        <translation>%1 (%2), ผู้เช่า %3</translation>
    </message>
    <message>
        <source>The newest row at the source less the newest synced, as of the last sync or test</source>
        <translation>แถวใหม่ล่าสุดที่ต้นทางลบด้วยแถวใหม่ล่าสุดที่ซิงก์แล้ว ณ การซิงก์หรือการทดสอบครั้งล่าสุด</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ยังไม่เคย</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>สำเร็จ</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ล้มเหลว</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ต้นทาง</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>ตาราง</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Rows synced</source>
        <translation>แถวที่ซิงก์แล้ว</translation>
    </message>
    <message>
        <source>Last sync (%1)</source>
        <translation>ซิงก์ล่าสุด (%1)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>ความล่าช้า</translation>
    </message>
    <message>
        <source>Gone at source</source>
        <translation>หายไปที่ต้นทาง</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ข้อผิดพลาด</translation>
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
        <translation>สแนปช็อต</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>ไทม์ไลน์</translation>
    </message>
    <message>
        <source>Storage by kind</source>
        <translation>พื้นที่จัดเก็บตามประเภท</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ไฟล์ (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ไปที่ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>รีเฟรช (&amp;R)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>เชื่อมต่อ (&amp;C)…</translation>
    </message>
    <message>
        <source>Open an SQLite file or connect to PostgreSQL</source>
        <translation>เปิดไฟล์ SQLite หรือเชื่อมต่อ PostgreSQL</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>ตัวกรอง (&amp;F)…</translation>
    </message>
    <message>
        <source>Move to the timeline&apos;s filters</source>
        <translation>ไปที่ตัวกรองของไทม์ไลน์</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออก (&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Compare selected</source>
        <translation>เปรียบเทียบรายการที่เลือก (&amp;C)</translation>
    </message>
    <message>
        <source>Compare the two snapshots selected in the timeline</source>
        <translation>เปรียบเทียบสแนปช็อตสองรายการที่เลือกในไทม์ไลน์</translation>
    </message>
    <message>
        <source>Compare with &amp;previous</source>
        <translation>เปรียบเทียบกับเวอร์ชันก่อนหน้า (&amp;P)</translation>
    </message>
    <message>
        <source>Compare the snapshot in the inspector with the version before it</source>
        <translation>เปรียบเทียบสแนปช็อตในตัวตรวจสอบกับเวอร์ชันก่อนหน้า</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Entity timeline</source>
        <translation>ไทม์ไลน์ของเอนทิตี (&amp;E)</translation>
    </message>
    <message>
        <source>Every version of the selected snapshot&apos;s entity</source>
        <translation>ทุกเวอร์ชันของเอนทิตีของสแนปช็อตที่เลือก</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Older version</source>
        <translation>เวอร์ชันเก่ากว่า (&amp;O)</translation>
    </message>
    <message>
        <source>The previous version of the entity shown in the inspector</source>
        <translation>เวอร์ชันก่อนหน้าของเอนทิตีที่แสดงในตัวตรวจสอบ</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>&amp;Newer version</source>
        <translation>เวอร์ชันใหม่กว่า (&amp;N)</translation>
    </message>
    <message>
        <source>The next version of the entity shown in the inspector</source>
        <translation>เวอร์ชันถัดไปของเอนทิตีที่แสดงในตัวตรวจสอบ</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>&amp;About SnapScope</source>
        <translation>เกี่ยวกับ SnapScope (&amp;A)</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>ตัวนำทาง</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>ตัวตรวจสอบ</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>เปรียบเทียบ</translation>
    </message>
    <message>
        <source>Chat conversion</source>
        <translation>การเปลี่ยนแชทเป็นยอดขาย</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>การบำรุงรักษา</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>เคส</translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation>เปรียบเทียบแล้ว: %1</translation>
    </message>
    <message>
        <source>About SnapScope</source>
        <translation>เกี่ยวกับ SnapScope</translation>
    </message>
    <message>
        <source>&lt;b&gt;SnapScope %1&lt;/b&gt;&lt;p&gt;A console for business snapshots on SQLite and PostgreSQL.&lt;/p&gt;</source>
        <translation>&lt;b&gt;SnapScope %1&lt;/b&gt;&lt;p&gt;คอนโซลสำหรับสแนปช็อตข้อมูลธุรกิจบน SQLite และ PostgreSQL&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>กำลังเปิด %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>กำลังอ่าน %1…</translation>
    </message>
    <message>
        <source>Creating the demo database %1…</source>
        <translation>กำลังสร้างฐานข้อมูลตัวอย่าง %1…</translation>
    </message>
    <message>
        <source>Demo data…</source>
        <translation>ข้อมูลตัวอย่าง…</translation>
    </message>
    <message>
        <source>Demo data: %1</source>
        <translation>ข้อมูลตัวอย่าง: %1</translation>
    </message>
    <message>
        <source>%1 holds no tenants yet.</source>
        <translation>%1 ยังไม่มีผู้เช่า</translation>
    </message>
    <message>
        <source>%1 snapshots in %2</source>
        <translation>%1 สแนปช็อตใน %2</translation>
    </message>
    <message>
        <source>Select a snapshot first.</source>
        <translation>โปรดเลือกสแนปช็อตก่อน</translation>
    </message>
    <message>
        <source>%1 v%2 is the first version: there is nothing before it to compare with.</source>
        <translation>%1 v%2 เป็นเวอร์ชันแรก จึงไม่มีเวอร์ชันก่อนหน้าให้เปรียบเทียบ</translation>
    </message>
    <message>
        <source>%1 snapshots</source>
        <translation>%1 สแนปช็อต</translation>
    </message>
    <message>
        <source>%1+ snapshots (counting…)</source>
        <translation>%1+ สแนปช็อต (กำลังนับ…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot open the database.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;เปิดฐานข้อมูลไม่ได้&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Tenant: %1 (of %2)</source>
        <translation>ผู้เช่า: %1 (จาก %2)</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>ผู้เช่า: %1</translation>
    </message>
    <message>
        <source>%1 of %2 snapshots in %3 match the filters</source>
        <translation>%1 จาก %2 สแนปช็อตใน %3 ตรงกับตัวกรอง</translation>
    </message>
    <message>
        <source>Counting the snapshots that match the filters, of %1 in %2…</source>
        <translation>กำลังนับสแนปช็อตที่ตรงกับตัวกรอง จาก %1 รายการใน %2…</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (อ่านอย่างเดียว)</translation>
    </message>
    <message>
        <source>Reading the timeline failed: %1</source>
        <translation>อ่านไทม์ไลน์ไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>&amp;Kinds of Snapshot…</source>
        <translation>ประเภทของสแนปช็อต (&amp;K)…</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>แนวโน้ม</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>รายงานรายเดือน</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>สินค้าคงคลัง</translation>
    </message>
    <message>
        <source>&amp;Import Snapshots…</source>
        <translation>&amp;นำเข้าสแนปช็อต…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import Snapshots</source>
        <translation>นำเข้าสแนปช็อต</translation>
    </message>
    <message>
        <source>%1 is open read-only: nothing can be imported into it.</source>
        <translation>%1 เปิดแบบอ่านอย่างเดียว: นำเข้าข้อมูลไม่ได้</translation>
    </message>
    <message>
        <source>Role: %1 (%2)</source>
        <translation>บทบาท: %1 (%2)</translation>
    </message>
    <message>
        <source>This login owns SnapScope&apos;s tables: it may do everything.</source>
        <translation>ล็อกอินนี้เป็นเจ้าของตารางของ SnapScope จึงทำได้ทุกอย่าง</translation>
    </message>
    <message>
        <source>The database server grants this login the %1 role; what it may not do is disabled.</source>
        <translation>เซิร์ฟเวอร์ฐานข้อมูลให้บทบาท %1 แก่ล็อกอินนี้ สิ่งที่บทบาทนี้ทำไม่ได้จะถูกปิดไว้</translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <source>Take snapshot</source>
        <translation>ถ่ายสแนปช็อต</translation>
    </message>
    <message>
        <source>Retention &amp;&amp; cleanup</source>
        <translation>การเก็บรักษาและการล้างข้อมูล</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ถังขยะ</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>กำหนดการ</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>บันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>ความถูกต้องของข้อมูล</translation>
    </message>
    <message>
        <source>Snapshot strategy</source>
        <translation>กลยุทธ์สแนปช็อต</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>แหล่งข้อมูล</translation>
    </message>
</context>
<context>
    <name>MonthlyInventoryView</name>
    <message>
        <source>&amp;Month:</source>
        <translation>เดือน (&amp;M):</translation>
    </message>
    <message>
        <source>The month of the report: each product&apos;s closing stock and value on the month&apos;s last day with data, and the cost of goods sold over the month</source>
        <translation>เดือนของรายงาน: สต็อกปิดและมูลค่าของสินค้าแต่ละรายการในวันสุดท้ายของเดือนที่มีข้อมูล และต้นทุนขายตลอดเดือน</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>สาขา (&amp;S):</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>ส่งออก CSV (&amp;C)…</translation>
    </message>
    <message>
        <source>Save the report as CSV (RFC 4180)</source>
        <translation>บันทึกรายงานเป็น CSV (RFC 4180)</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>ทุกสาขา</translation>
    </message>
    <message>
        <source>Cannot list the stores: %1</source>
        <translation>แสดงรายการสาขาไม่ได้: %1</translation>
    </message>
    <message>
        <source>Reading the report…</source>
        <translation>กำลังอ่านรายงาน…</translation>
    </message>
    <message>
        <source>Cannot read the report: %1</source>
        <translation>อ่านรายงานไม่ได้: %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Closing stock</source>
        <translation>สต็อกปิด</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>มูลค่ารวม</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>จ่ายออก</translation>
    </message>
    <message>
        <source>Cost of goods sold</source>
        <translation>ต้นทุนขาย</translation>
    </message>
    <message>
        <source>Last day with data</source>
        <translation>วันสุดท้ายที่มีข้อมูล</translation>
    </message>
    <message>
        <source>No inventory for this month.</source>
        <translation>ไม่มีข้อมูลสินค้าคงคลังในเดือนนี้</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s); total value %1, cost of goods sold %2.</source>
        <translation>
            <numerusform>สินค้า %n รายการ มูลค่ารวม %1 ต้นทุนขาย %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointInTimePanel</name>
    <message>
        <source>State &amp;at:</source>
        <translation>สถานะ ณ (&amp;A):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <source>The moment to show: the state after the last event that had happened by then</source>
        <translation>เวลาที่จะแสดง: สถานะหลังอีเวนต์ล่าสุดที่เกิดขึ้นภายในเวลานั้น</translation>
    </message>
    <message>
        <source>The entity&apos;s events, first to last: drag or use the arrow keys to step through its versions</source>
        <translation>อีเวนต์ของเอนทิตีตั้งแต่แรกถึงล่าสุด: ลากหรือใช้ปุ่มลูกศรเพื่อไล่ดูแต่ละเวอร์ชัน</translation>
    </message>
    <message>
        <source>Select an order or an aggregate to see its state at any moment.</source>
        <translation>เลือกคำสั่งซื้อหรือแอกกรีเกตเพื่อดูสถานะ ณ เวลาใดก็ได้</translation>
    </message>
    <message>
        <source>Reading the events of %1…</source>
        <translation>กำลังอ่านอีเวนต์ของ %1…</translation>
    </message>
    <message>
        <source>%1 has no events: there is nothing to replay.</source>
        <translation>%1 ไม่มีอีเวนต์ จึงไม่มีอะไรให้เล่นซ้ำ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot show that state.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;แสดงสถานะนั้นไม่ได้&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation>เวอร์ชัน %1 จาก %2</translation>
    </message>
    <message numerus="yes">
        <source>Full replay of %n event(s) (no usable snapshot before it); state after the event of %1.</source>
        <translation>
            <numerusform>เล่นซ้ำทั้งหมด %n อีเวนต์ (ไม่มีสแนปช็อตก่อนหน้าที่ใช้ได้) สถานะหลังอีเวนต์เมื่อ %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From snapshot %1 (event %2) plus %n event(s) replayed; state after the event of %3.</source>
        <translation>
            <numerusform>จากสแนปช็อต %1 (อีเวนต์ %2) และเล่นซ้ำอีก %n อีเวนต์ สถานะหลังอีเวนต์เมื่อ %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms.</source>
        <translation>%1 มิลลิวินาที</translation>
    </message>
    <message>
        <source>Skipped, failed verification: %1</source>
        <translation>ข้ามไป เนื่องจากตรวจสอบไม่ผ่าน: %1</translation>
    </message>
    <message>
        <source>State &amp;at (%1):</source>
        <translation>สถานะ ณ (&amp;A) (%1):</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>ตกลง (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>ยกเลิก (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ปิด (&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>ปิดโดยไม่บันทึก</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Writing the archive…</source>
        <translation>กำลังเขียนไฟล์เก็บถาวร…</translation>
    </message>
    <message>
        <source>Moving to the trash…</source>
        <translation>กำลังย้ายไปถังขยะ…</translation>
    </message>
    <message>
        <source>Purging… %1 deleted</source>
        <translation>กำลังล้างถาวร… ลบแล้ว %1</translation>
    </message>
    <message>
        <source>Compacting %1: entity %2 of %3</source>
        <translation>กำลังบีบอัด %1: เอนทิตี %2 จาก %3</translation>
    </message>
    <message>
        <source>Verifying… %1 corrupt so far</source>
        <translation>กำลังตรวจสอบ… พบเสียหายแล้ว %1</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>ฐานข้อมูล SQLite (*.sqlite *.sqlite3 *.db);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Verifying snapshot %1 of %2</source>
        <translation>กำลังตรวจสอบสแนปช็อต %1 จาก %2</translation>
    </message>
    <message>
        <source>the database&apos;s own check found damage: %1</source>
        <translation>การตรวจสอบของฐานข้อมูลเองพบความเสียหาย: %1</translation>
    </message>
    <message>
        <source>Syncing %1: %2 (%3 of %4), %5 row(s) read</source>
        <translation>กำลังซิงก์ %1: %2 (%3 จาก %4) อ่านแล้ว %5 แถว</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>บันทึกทั้งหมด</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่ (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>ใช่ทั้งหมด (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่ (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ไม่ทั้งหมด (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>ยกเลิกการทำงาน</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ลองใหม่</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ละทิ้ง</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>วิธีใช้</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>นำไปใช้</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>รีเซ็ต</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Retention rules per kind, as borg prune uses them. Pinned snapshots, the newest snapshot of each entity, significant snapshots and protected types are never deleted. Every cleanup is planned first and shown before anything moves to the trash.</source>
        <translation>กฎการเก็บรักษาแยกตามประเภทแบบเดียวกับ borg prune สแนปช็อตที่ปักหมุด สแนปช็อตล่าสุดของแต่ละเอนทิตี สแนปช็อตสำคัญ และชนิดที่ได้รับการคุ้มครองจะไม่ถูกลบ การล้างข้อมูลทุกครั้งจะวางแผนและแสดงให้ดูก่อนย้ายสิ่งใดไปถังขยะ</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>ประเภท (&amp;K):</translation>
    </message>
    <message>
        <source>Keep last:</source>
        <translation>เก็บล่าสุด:</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>ไม่ใช้</translation>
    </message>
    <message>
        <source> per entity</source>
        <translation> ต่อเอนทิตี</translation>
    </message>
    <message>
        <source>Keep within:</source>
        <translation>เก็บภายใน:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>Keep daily:</source>
        <translation>เก็บรายวัน:</translation>
    </message>
    <message>
        <source>Keep weekly:</source>
        <translation>เก็บรายสัปดาห์:</translation>
    </message>
    <message>
        <source>Keep monthly:</source>
        <translation>เก็บรายเดือน:</translation>
    </message>
    <message>
        <source>Keep yearly:</source>
        <translation>เก็บรายปี:</translation>
    </message>
    <message>
        <source>Delete older than:</source>
        <translation>ลบที่เก่ากว่า:</translation>
    </message>
    <message>
        <source>Protected types:</source>
        <translation>ชนิดที่คุ้มครอง:</translation>
    </message>
    <message>
        <source>types never deleted, separated by commas</source>
        <translation>ชนิดที่ไม่ลบเลย คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <source>Use &amp;defaults</source>
        <translation>ใช้ค่าเริ่มต้น (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Plan cleanup…</source>
        <translation>วางแผนล้างข้อมูล (&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save policy…</source>
        <translation>บันทึกนโยบาย (&amp;S)…</translation>
    </message>
    <message>
        <source>Could not read the policy: %1</source>
        <translation>อ่านนโยบายไม่ได้: %1</translation>
    </message>
    <message>
        <source>Stored policy, saved by %1 on %2</source>
        <translation>นโยบายที่จัดเก็บ บันทึกโดย %1 เมื่อ %2</translation>
    </message>
    <message>
        <source>The specification&apos;s default (not saved yet)</source>
        <translation>ค่าเริ่มต้นตามข้อกำหนด (ยังไม่ได้บันทึก)</translation>
    </message>
    <message>
        <source>No policy: nothing of this kind is cleaned up</source>
        <translation>ไม่มีนโยบาย: จะไม่ล้างข้อมูลประเภทนี้</translation>
    </message>
    <message>
        <source>Planning the %1 cleanup…</source>
        <translation>กำลังวางแผนล้างข้อมูล %1…</translation>
    </message>
    <message>
        <source>Planning cancelled.</source>
        <translation>ยกเลิกการวางแผนแล้ว</translation>
    </message>
    <message>
        <source>Could not plan: %1</source>
        <translation>วางแผนไม่ได้: %1</translation>
    </message>
    <message>
        <source>Planned in %1 ms: %2 of %3 snapshots would go.</source>
        <translation>วางแผนเสร็จใน %1 มิลลิวินาที: จะลบ %2 จาก %3 สแนปช็อต</translation>
    </message>
    <message>
        <source>Policy saved.</source>
        <translation>บันทึกนโยบายแล้ว</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>บันทึกไม่ได้: %1</translation>
    </message>
    <message>
        <source>Cleaning up…</source>
        <translation>กำลังล้างข้อมูล…</translation>
    </message>
    <message>
        <source>The cleanup failed: %1</source>
        <translation>การล้างข้อมูลล้มเหลว: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 snapshots; the trash holds whole batches and planning again finishes the job.</source>
        <translation>ยกเลิกหลังดำเนินการ %1 จาก %2 สแนปช็อต ถังขยะเก็บเป็นชุดที่สมบูรณ์ และการวางแผนอีกครั้งจะทำงานที่เหลือให้เสร็จ</translation>
    </message>
    <message>
        <source>Moved %1 snapshots to the trash in %2 s.</source>
        <translation>ย้าย %1 สแนปช็อตไปถังขยะใน %2 วินาที</translation>
    </message>
    <message>
        <source>Archived %1 first.</source>
        <translation>เก็บถาวร %1 ก่อนแล้ว</translation>
    </message>
</context>
<context>
    <name>RetentionPlanModel</name>
    <message>
        <source>stays</source>
        <translation>คงอยู่</translation>
    </message>
    <message>
        <source>goes</source>
        <translation>ลบออก</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>ผลการตัดสิน</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>ที่จัดเก็บ</translation>
    </message>
    <message>
        <source>Taken at (%1)</source>
        <translation>ถ่ายเมื่อ (%1)</translation>
    </message>
</context>
<context>
    <name>RetentionReason</name>
    <message>
        <source>within the keep-within window</source>
        <translation>อยู่ในช่วงเก็บภายใน</translation>
    </message>
    <message>
        <source>one of the last N</source>
        <translation>อยู่ใน N รายการล่าสุด</translation>
    </message>
    <message>
        <source>daily survivor</source>
        <translation>คงไว้รายวัน</translation>
    </message>
    <message>
        <source>weekly survivor</source>
        <translation>คงไว้รายสัปดาห์</translation>
    </message>
    <message>
        <source>monthly survivor</source>
        <translation>คงไว้รายเดือน</translation>
    </message>
    <message>
        <source>yearly survivor</source>
        <translation>คงไว้รายปี</translation>
    </message>
    <message>
        <source>younger than the age limit</source>
        <translation>ใหม่กว่าเกณฑ์อายุ</translation>
    </message>
    <message>
        <source>pinned (legal hold)</source>
        <translation>ปักหมุด (ระงับตามกฎหมาย)</translation>
    </message>
    <message>
        <source>newest of its entity</source>
        <translation>ล่าสุดของเอนทิตี</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>สำคัญ</translation>
    </message>
    <message>
        <source>protected type</source>
        <translation>ชนิดที่คุ้มครอง</translation>
    </message>
    <message>
        <source>base of a kept incremental snapshot</source>
        <translation>ฐานของสแนปช็อตส่วนต่างที่เก็บไว้</translation>
    </message>
    <message>
        <source>no keep rule matched</source>
        <translation>ไม่ตรงกฎการเก็บใด</translation>
    </message>
    <message>
        <source>older than the age limit</source>
        <translation>เก่ากว่าเกณฑ์อายุ</translation>
    </message>
</context>
<context>
    <name>RoleSwitch</name>
    <message>
        <source>Show customers&apos; contact details (admin role)…</source>
        <translation>แสดงข้อมูลติดต่อของลูกค้า (บทบาทผู้ดูแลระบบ)…</translation>
    </message>
    <message>
        <source>Open a database first: the switch of role is recorded in its audit log.</source>
        <translation>เปิดฐานข้อมูลก่อน: การสลับบทบาทจะถูกบันทึกในบันทึกการตรวจสอบของฐานข้อมูลนั้น</translation>
    </message>
    <message>
        <source>Show customers&apos; contact details</source>
        <translation>แสดงข้อมูลติดต่อของลูกค้า</translation>
    </message>
    <message>
        <source>The admin role shows every customer&apos;s phone, email and address unmasked in the inspector, the comparisons and the cases, and in what you export.&lt;p&gt;The switch is recorded in the audit log of %1 as &lt;b&gt;%2&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Switch to the admin role?&lt;/p&gt;</source>
        <translation>บทบาทผู้ดูแลระบบจะแสดงโทรศัพท์ อีเมล และที่อยู่ของลูกค้าทุกคนโดยไม่ปิดบัง ทั้งในตัวตรวจสอบ การเปรียบเทียบ เคส และสิ่งที่คุณส่งออก&lt;p&gt;การสลับนี้จะถูกบันทึกในบันทึกการตรวจสอบของ %1 ในชื่อ &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;สลับเป็นบทบาทผู้ดูแลระบบหรือไม่?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Support role: customers&apos; contact details are masked.</source>
        <translation>บทบาทฝ่ายสนับสนุน: ข้อมูลติดต่อของลูกค้าถูกปิดบัง</translation>
    </message>
    <message>
        <source>Support role, but the switch could not be recorded in the audit log: %1</source>
        <translation>บทบาทฝ่ายสนับสนุน แต่ไม่สามารถบันทึกการสลับลงในบันทึกการตรวจสอบได้: %1</translation>
    </message>
    <message>
        <source>Role not switched</source>
        <translation>ไม่ได้สลับบทบาท</translation>
    </message>
    <message>
        <source>The switch could not be recorded in the audit log, so contact details stay masked: %1</source>
        <translation>ไม่สามารถบันทึกการสลับลงในบันทึกการตรวจสอบได้ ข้อมูลติดต่อจึงยังคงถูกปิดบัง: %1</translation>
    </message>
    <message>
        <source>Admin role: customers&apos; contact details are shown; the switch is in the audit log.</source>
        <translation>บทบาทผู้ดูแลระบบ: แสดงข้อมูลติดต่อของลูกค้า การสลับถูกบันทึกในบันทึกการตรวจสอบแล้ว</translation>
    </message>
</context>
<context>
    <name>ScheduleEditorDialog</name>
    <message>
        <source>Schedule</source>
        <translation>กำหนดการ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>ชื่อ:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>ทำซ้ำ:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>เวลา:</translation>
    </message>
    <message>
        <source>Day of week:</source>
        <translation>วันในสัปดาห์:</translation>
    </message>
    <message>
        <source>Day of month:</source>
        <translation>วันที่ของเดือน:</translation>
    </message>
    <message>
        <source>Cron:</source>
        <translation>Cron:</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, or @daily …</source>
        <translation>นาที ชั่วโมง วันที่ เดือน วันในสัปดาห์ หรือ @daily …</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>เขตเวลา:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>การกระทำ:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>ประเภท:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>เป้าหมาย:</translation>
    </message>
    <message>
        <source>all, or store codes / entity ids separated by commas</source>
        <translation>all หรือรหัสร้าน / รหัสเอนทิตี คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>เปิดใช้งาน (&amp;E)</translation>
    </message>
    <message>
        <source>Next 10 runs:</source>
        <translation>10 รอบถัดไป:</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>รายสัปดาห์</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>รายเดือน</translation>
    </message>
    <message>
        <source>Custom cron</source>
        <translation>Cron กำหนดเอง</translation>
    </message>
    <message>
        <source>Take snapshots</source>
        <translation>ถ่ายสแนปช็อต</translation>
    </message>
    <message>
        <source>Clean up (the kind&apos;s stored policy)</source>
        <translation>ล้างข้อมูล (ตามนโยบายที่จัดเก็บของประเภท)</translation>
    </message>
    <message>
        <source>Compact (the kind&apos;s snapshot strategy)</source>
        <translation>บีบอัด (ตามกลยุทธ์สแนปช็อตของประเภท)</translation>
    </message>
    <message>
        <source>Edit schedule</source>
        <translation>แก้ไขกำหนดการ</translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation>กำหนดการใหม่</translation>
    </message>
    <message>
        <source>Next 10 runs (%1):</source>
        <translation>10 รอบถัดไป (%1):</translation>
    </message>
    <message>
        <source>Made from the schedule above; choose &quot;Custom cron&quot; to write your own</source>
        <translation>สร้างจากกำหนดการด้านบน เลือก &quot;Cron กำหนดเอง&quot; เพื่อเขียนเอง</translation>
    </message>
    <message>
        <source>Sync live source %1</source>
        <translation>ซิงก์แหล่งข้อมูลสด %1</translation>
    </message>
</context>
<context>
    <name>ScheduleListModel</name>
    <message>
        <source>Clean up %1</source>
        <translation>ล้างข้อมูล %1</translation>
    </message>
    <message>
        <source>Compact %1</source>
        <translation>บีบอัด %1</translation>
    </message>
    <message>
        <source>Snapshot %1: %2</source>
        <translation>สแนปช็อต %1: %2</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>เปิดใช้</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>ปิดใช้</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>กำหนดไว้เมื่อ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <source>Runner</source>
        <translation>ผู้รัน</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>ถ่ายแล้ว</translation>
    </message>
    <message>
        <source>Trashed</source>
        <translation>ย้ายไปถังขยะ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>เขตเวลา</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>การกระทำ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>รอบถัดไป</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>รอบล่าสุด</translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1 (ครั้งที่ %2)</translation>
    </message>
    <message>
        <source>Sync source %1</source>
        <translation>ซิงก์แหล่งข้อมูล %1</translation>
    </message>
</context>
<context>
    <name>SchedulesPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>ใหม่ (&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>แก้ไข (&amp;E)…</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>ปิดใช้ (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ลบ (&amp;D)</translation>
    </message>
    <message>
        <source>R&amp;un now</source>
        <translation>รันทันที (&amp;U)</translation>
    </message>
    <message>
        <source>Run &amp;due schedules</source>
        <translation>รันกำหนดการที่ถึงเวลา (&amp;D)</translation>
    </message>
    <message>
        <source>History of the selected schedule:</source>
        <translation>ประวัติของกำหนดการที่เลือก:</translation>
    </message>
    <message>
        <source>Could not read the schedules: %1</source>
        <translation>อ่านกำหนดการไม่ได้: %1</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>เปิดใช้ (&amp;B)</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>บันทึก &quot;%1&quot; แล้ว</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>บันทึกไม่ได้: %1</translation>
    </message>
    <message>
        <source>Delete schedule</source>
        <translation>ลบกำหนดการ</translation>
    </message>
    <message>
        <source>Delete the schedule &quot;%1&quot; and its history?</source>
        <translation>ลบกำหนดการ &quot;%1&quot; และประวัติของมันหรือไม่</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>ลบแล้ว</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>ลบไม่ได้: %1</translation>
    </message>
    <message>
        <source>Running &quot;%1&quot;…</source>
        <translation>กำลังรัน &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>Could not run &quot;%1&quot;: %2</source>
        <translation>รัน &quot;%1&quot; ไม่ได้: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; ran: %2 taken, %3 trashed.</source>
        <translation>&quot;%1&quot; รันแล้ว: ถ่าย %2 ย้ายไปถังขยะ %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: %2</source>
        <translation>&quot;%1&quot; ล้มเหลว: %2</translation>
    </message>
    <message numerus="yes">
        <source>Ran %n due schedule(s).</source>
        <translation>
            <numerusform>รันกำหนดการที่ถึงเวลาแล้ว %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>รันไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>SeriesTableModel</name>
    <message>
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่</translation>
    </message>
</context>
<context>
    <name>SnapshotInspector</name>
    <message>
        <source>No snapshot selected</source>
        <translation>ยังไม่ได้เลือกสแนปช็อต</translation>
    </message>
    <message>
        <source>Select a snapshot in the timeline to see its metadata and payload.</source>
        <translation>เลือกสแนปช็อตในไทม์ไลน์เพื่อดูเมทาดาทาและเพย์โหลด</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>สแนปช็อต</translation>
    </message>
    <message>
        <source>Find in payload</source>
        <translation>ค้นหาในเพย์โหลด</translation>
    </message>
    <message>
        <source>Loading and verifying the payload…</source>
        <translation>กำลังโหลดและตรวจสอบเพย์โหลด…</translation>
    </message>
    <message>
        <source>State at…</source>
        <translation>สถานะ ณ…</translation>
    </message>
    <message>
        <source>The entity&apos;s state at any moment or version, rebuilt from its snapshots and events</source>
        <translation>สถานะของเอนทิตี ณ เวลาหรือเวอร์ชันใดก็ได้ สร้างขึ้นใหม่จากสแนปช็อตและอีเวนต์</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>ขยายทั้งหมด</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>ยุบทั้งหมด</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>คัดลอกค่า</translation>
    </message>
    <message>
        <source>Copy JSON Pointer</source>
        <translation>คัดลอก JSON Pointer</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>ค้นหาถัดไป</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>ค้นหาก่อนหน้า</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Show the payload as indented JSON text</source>
        <translation>แสดงเพย์โหลดเป็นข้อความ JSON แบบเยื้อง</translation>
    </message>
    <message>
        <source>Pin…</source>
        <translation>ปักหมุด…</translation>
    </message>
    <message>
        <source>Compare with previous</source>
        <translation>เปรียบเทียบกับเวอร์ชันก่อนหน้า</translation>
    </message>
    <message>
        <source>Compare this version with the one before it (Ctrl+D)</source>
        <translation>เปรียบเทียบเวอร์ชันนี้กับเวอร์ชันก่อนหน้า (Ctrl+D)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>แสดงข้อมูล</translation>
    </message>
    <message>
        <source>Show a masked contact detail (recorded in the audit log)</source>
        <translation>แสดงข้อมูลติดต่อที่ถูกปิดบัง (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>กำลังโหลด %1…</translation>
    </message>
    <message>
        <source>Cannot show %1</source>
        <translation>แสดง %1 ไม่ได้</translation>
    </message>
    <message>
        <source>&lt;b&gt;The snapshot could not be read.&lt;/b&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;b&gt;อ่านสแนปช็อตไม่ได้&lt;/b&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 %2 · version %3</source>
        <translation>%1 %2 · เวอร์ชัน %3</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;Corrupt&lt;/b&gt;&lt;/span&gt; — %1</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;เสียหาย&lt;/b&gt;&lt;/span&gt; — %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Integrity error&lt;/h3&gt;&lt;p&gt;The stored payload of this snapshot does not match its checksum, so it is not shown: what would appear here is not what was recorded.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Expected SHA-256 &lt;tt&gt;%2&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;Older or newer versions of this entity may still be intact (Alt+Left / Alt+Right). &lt;tt&gt;snapscope-cli verify&lt;/tt&gt; lists every damaged snapshot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ข้อมูลไม่ถูกต้อง&lt;/h3&gt;&lt;p&gt;เพย์โหลดที่จัดเก็บของสแนปช็อตนี้ไม่ตรงกับเช็กซัม จึงไม่แสดง เพราะสิ่งที่จะปรากฏไม่ใช่สิ่งที่บันทึกไว้&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;SHA-256 ที่คาดไว้ &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;เวอร์ชันที่เก่ากว่าหรือใหม่กว่าของเอนทิตีนี้อาจยังสมบูรณ์อยู่ (Alt+Left / Alt+Right) &lt;tt&gt;snapscope-cli verify&lt;/tt&gt; จะแสดงสแนปช็อตที่เสียหายทั้งหมด&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e7b34&apos;&gt;&lt;b&gt;Verified&lt;/b&gt;&lt;/span&gt; — SHA-256 matches</source>
        <translation>&lt;span style=&apos;color:#1e7b34&apos;&gt;&lt;b&gt;ตรวจสอบแล้ว&lt;/b&gt;&lt;/span&gt; — SHA-256 ตรงกัน</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>เวอร์ชัน</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>ถ่ายเมื่อ</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>สร้างโดย</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>ตัวกระตุ้น</translation>
    </message>
    <message>
        <source>Event sequence</source>
        <translation>ลำดับอีเวนต์</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>ตัวเข้ารหัส</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>จัดเก็บเป็น</translation>
    </message>
    <message>
        <source>a patch against %1 (materialized and verified on read)</source>
        <translation>แพตช์เทียบกับ %1 (ประกอบและตรวจสอบเมื่ออ่าน)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>%1 → %2 stored (%3%)</source>
        <translation>%1 → จัดเก็บ %2 (%3%)</translation>
    </message>
    <message>
        <source>patch %1 → %2 stored (%3%)</source>
        <translation>แพตช์ %1 → จัดเก็บ %2 (%3%)</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>เช็กซัม</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>ความถูกต้องของข้อมูล</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>ปักหมุด</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>ก่อนหน้า</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>ไม่พบ</translation>
    </message>
    <message>
        <source>Unpin…</source>
        <translation>เลิกปักหมุด…</translation>
    </message>
    <message>
        <source>Unpin this snapshot: cleanup may remove it again (recorded in the audit log)</source>
        <translation>เลิกปักหมุดสแนปช็อตนี้: การล้างข้อมูลอาจลบได้อีก (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Pin this snapshot: cleanup never removes it (recorded in the audit log)</source>
        <translation>ปักหมุดสแนปช็อตนี้: การล้างข้อมูลจะไม่ลบ (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Pin snapshot</source>
        <translation>ปักหมุดสแนปช็อต</translation>
    </message>
    <message>
        <source>Unpin snapshot</source>
        <translation>เลิกปักหมุดสแนปช็อต</translation>
    </message>
    <message>
        <source>Why must %1 v%2 be kept? (recorded in the audit log)</source>
        <translation>เหตุใดต้องเก็บ %1 v%2 ไว้ (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Why may %1 v%2 be cleaned up again? (recorded in the audit log)</source>
        <translation>เหตุใดจึงล้าง %1 v%2 ได้อีกครั้ง (บันทึกในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Reason needed</source>
        <translation>ต้องระบุเหตุผล</translation>
    </message>
    <message>
        <source>A pin or unpin needs a reason for the audit log.</source>
        <translation>การปักหมุดหรือเลิกปักหมุดต้องมีเหตุผลสำหรับบันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <source>Pin not changed</source>
        <translation>ไม่ได้เปลี่ยนการปักหมุด</translation>
    </message>
    <message>
        <source>Not revealed</source>
        <translation>ไม่ได้แสดงข้อมูล</translation>
    </message>
    <message>
        <source>The %1 could not be recorded in the audit log, so it stays masked: %2</source>
        <translation>ไม่สามารถบันทึก %1 ลงในบันทึกการตรวจสอบได้ จึงยังคงปิดบังไว้: %2</translation>
    </message>
    <message>
        <source>This is the oldest version of the entity.</source>
        <translation>นี่คือเวอร์ชันเก่าที่สุดของเอนทิตี</translation>
    </message>
    <message>
        <source>This is the newest version of the entity.</source>
        <translation>นี่คือเวอร์ชันใหม่ที่สุดของเอนทิตี</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>คัดลอก</translation>
    </message>
    <message>
        <source>Copy the selected member&apos;s value or its JSON Pointer</source>
        <translation>คัดลอกค่าของสมาชิกที่เลือกหรือ JSON Pointer ของสมาชิกนั้น</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 UTC</source>
        <translation>%1 (%2) · %3 UTC</translation>
    </message>
    <message>
        <source>The %1 stays masked: %2</source>
        <translation>%1 ยังถูกปิดบังอยู่: %2</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Add live source</source>
        <translation>เพิ่มแหล่งข้อมูลสด</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;ชื่อ</translation>
    </message>
    <message>
        <source>saan-prod</source>
        <translation>saan-prod</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>&amp;ตาราง</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;โฮสต์</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>&amp;พอร์ต</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;ฐานข้อมูล</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>ผู้&amp;ใช้</translation>
    </message>
    <message>
        <source>T&amp;enant</source>
        <translation>ผู้&amp;เช่า</translation>
    </message>
    <message>
        <source>Time &amp;zone of its times</source>
        <translation>เ&amp;ขตเวลาของเวลาในตาราง</translation>
    </message>
    <message>
        <source>&amp;Overlap window</source>
        <translation>ช่วงเวลา&amp;ทับซ้อน</translation>
    </message>
    <message>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or the PGPASSWORD environment variable; SnapScope keeps none. The user needs only SELECT on the tables.</source>
        <translation>รหัสผ่านมาจาก ~/.pgpass หรือตัวแปรสภาพแวดล้อม PGPASSWORD; SnapScope ไม่เก็บรหัสผ่านไว้ ผู้ใช้ต้องการเพียงสิทธิ์ SELECT บนตาราง</translation>
    </message>
    <message>
        <source>SAAN retail platform: order, chat, inventory and daily inventory snapshot tables</source>
        <translation>แพลตฟอร์มค้าปลีก SAAN: ตารางสแนปช็อตคำสั่งซื้อ แชท สินค้าคงคลัง และสินค้าคงคลังรายวัน</translation>
    </message>
    <message>
        <source>Event store: event_snapshots</source>
        <translation>Event store: event_snapshots</translation>
    </message>
    <message>
        <source>Name the source&apos;s database.</source>
        <translation>ระบุชื่อฐานข้อมูลของต้นทาง</translation>
    </message>
    <message>
        <source>Connecting to the source and checking its tables…</source>
        <translation>กำลังเชื่อมต่อกับต้นทางและตรวจสอบตาราง…</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Running systems whose PostgreSQL snapshot tables SnapScope follows. A sync reads the rows added since the last one (and a window before it, for rows committed late) and keeps a copy here, compressed and checksummed; the source is never written to, and a row its own cleanup deletes stays here. Schedule syncs on the Schedules page or with snapscope-cli schedule create --sync.</source>
        <translation>ระบบที่กำลังทำงานซึ่ง SnapScope ติดตามตารางสแนปช็อตใน PostgreSQL การซิงก์จะอ่านแถวที่เพิ่มขึ้นตั้งแต่ครั้งก่อน (และช่วงเวลาก่อนหน้านั้น สำหรับแถวที่คอมมิตช้า) แล้วเก็บสำเนาไว้ที่นี่แบบบีบอัดและมีเช็กซัม SnapScope ไม่เขียนลงต้นทาง และแถวที่ต้นทางลบทิ้งเองยังคงอยู่ที่นี่ ตั้งเวลาซิงก์ได้ที่หน้ากำหนดการ หรือด้วย snapscope-cli schedule create --sync</translation>
    </message>
    <message>
        <source>&amp;Add source…</source>
        <translation>&amp;เพิ่มแหล่งข้อมูล…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;ทดสอบ</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;ซิงก์ตอนนี้</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;นำออก</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;รีเฟรช</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not read the sources: %1</source>
        <translation>อ่านแหล่งข้อมูลไม่ได้: %1</translation>
    </message>
    <message>
        <source>No live sources yet: Add source… names a running system&apos;s PostgreSQL.</source>
        <translation>ยังไม่มีแหล่งข้อมูลสด: ใช้ เพิ่มแหล่งข้อมูล… เพื่อระบุ PostgreSQL ของระบบที่กำลังทำงาน</translation>
    </message>
    <message>
        <source>Added source %1. Sync now reads its rows.</source>
        <translation>เพิ่มแหล่งข้อมูล %1 แล้ว ซิงก์ตอนนี้เพื่ออ่านแถว</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>กำลังทดสอบ %1…</translation>
    </message>
    <message>
        <source>Test of %1 failed: %2</source>
        <translation>ทดสอบ %1 ไม่ผ่าน: %2</translation>
    </message>
    <message>
        <source>%1: %2 row(s), readable%3</source>
        <translation>%1: %2 แถว อ่านได้%3</translation>
    </message>
    <message>
        <source>; no index starts with %1, so each sync reads the whole table</source>
        <translation>; ไม่มีดัชนีที่ขึ้นต้นด้วย %1 การซิงก์แต่ละครั้งจึงอ่านทั้งตาราง</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>กำลังซิงก์ %1…</translation>
    </message>
    <message>
        <source>Could not sync %1: %2</source>
        <translation>ซิงก์ %1 ไม่ได้: %2</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 already here, %4 gone at source</source>
        <translation>%1: ใหม่ %2, มีอยู่แล้ว %3, หายไปที่ต้นทาง %4</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>นำแหล่งข้อมูลออก</translation>
    </message>
    <message>
        <source>Stop following %1? The snapshots its syncs stored stay; its watermarks are forgotten.</source>
        <translation>หยุดติดตาม %1 หรือไม่? สแนปช็อตที่ซิงก์ไว้ยังคงอยู่ แต่ watermark จะถูกลืม</translation>
    </message>
    <message>
        <source>Removed source %1.</source>
        <translation>นำแหล่งข้อมูล %1 ออกแล้ว</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>นำ %1 ออกไม่ได้: %2</translation>
    </message>
    <message>
        <source>Cancelled. What was stored is kept, and the next sync goes on from there.</source>
        <translation>ยกเลิกแล้ว สิ่งที่จัดเก็บไปแล้วยังคงอยู่ และการซิงก์ครั้งถัดไปจะทำต่อจากจุดนั้น</translation>
    </message>
</context>
<context>
    <name>StrategyPanel</name>
    <message>
        <source>When orders and aggregates get a snapshot, and how it is stored. A point-in-time query starts from the newest snapshot before the moment and replays the events after it, so the strategy bounds that replay. Incremental snapshots are stored as a patch against the previous version, with a full keyframe at least every K versions.</source>
        <translation>กำหนดว่าคำสั่งซื้อและแอกกรีเกตจะได้สแนปช็อตเมื่อใดและจัดเก็บอย่างไร การคิวรี ณ เวลาหนึ่งเริ่มจากสแนปช็อตล่าสุดก่อนเวลานั้นแล้วเล่นซ้ำอีเวนต์หลังจากนั้น กลยุทธ์จึงจำกัดปริมาณการเล่นซ้ำ สแนปช็อตแบบส่วนต่างจัดเก็บเป็นแพตช์เทียบกับเวอร์ชันก่อนหน้า โดยมีคีย์เฟรมเต็มอย่างน้อยทุก K เวอร์ชัน</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>ประเภท (&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Snapshot:</source>
        <translation>สแนปช็อต (&amp;S):</translation>
    </message>
    <message>
        <source>Every &amp;N events:</source>
        <translation>ทุก N อีเวนต์ (&amp;N):</translation>
    </message>
    <message>
        <source>Every &amp;T hours:</source>
        <translation>ทุก T ชั่วโมง (&amp;T):</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ชม.</translation>
    </message>
    <message>
        <source>&amp;Replay at most:</source>
        <translation>เล่นซ้ำไม่เกิน (&amp;R):</translation>
    </message>
    <message>
        <source> KiB of events</source>
        <translation> KiB ของอีเวนต์</translation>
    </message>
    <message>
        <source>Store &amp;incrementally (a patch against the previous version when smaller)</source>
        <translation>จัดเก็บแบบส่วนต่าง (&amp;I) (เป็นแพตช์เทียบกับเวอร์ชันก่อนหน้าเมื่อเล็กกว่า)</translation>
    </message>
    <message>
        <source>&amp;Keyframe every:</source>
        <translation>คีย์เฟรมทุก (&amp;K):</translation>
    </message>
    <message>
        <source> versions</source>
        <translation> เวอร์ชัน</translation>
    </message>
    <message>
        <source>S&amp;ave strategy</source>
        <translation>บันทึกกลยุทธ์ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Compact now</source>
        <translation>บีบอัดเดี๋ยวนี้ (&amp;C)</translation>
    </message>
    <message>
        <source>Write the snapshots the strategy calls for and store every version as it says</source>
        <translation>เขียนสแนปช็อตตามที่กลยุทธ์กำหนด และจัดเก็บทุกเวอร์ชันตามนั้น</translation>
    </message>
    <message>
        <source>Every N events</source>
        <translation>ทุก N อีเวนต์</translation>
    </message>
    <message>
        <source>Every T hours of events</source>
        <translation>ทุก T ชั่วโมงของอีเวนต์</translation>
    </message>
    <message>
        <source>Hybrid: N events or T hours, whichever comes first</source>
        <translation>ผสม: N อีเวนต์หรือ T ชั่วโมง แล้วแต่อย่างใดถึงก่อน</translation>
    </message>
    <message>
        <source>When the events to replay exceed a size</source>
        <translation>เมื่ออีเวนต์ที่ต้องเล่นซ้ำเกินขนาดที่กำหนด</translation>
    </message>
    <message>
        <source>Could not read the strategy: %1</source>
        <translation>อ่านกลยุทธ์ไม่ได้: %1</translation>
    </message>
    <message>
        <source>Saved the strategy of %1; Compact now applies it.</source>
        <translation>บันทึกกลยุทธ์ของ %1 แล้ว ใช้ บีบอัดเดี๋ยวนี้ เพื่อนำไปใช้</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>บันทึกไม่ได้: %1</translation>
    </message>
    <message>
        <source>Compacting %1…</source>
        <translation>กำลังบีบอัด %1…</translation>
    </message>
    <message>
        <source>Cancelled. What was done is consistent: %1</source>
        <translation>ยกเลิกแล้ว ส่วนที่ทำไปแล้วยังถูกต้องครบถ้วน: %1</translation>
    </message>
    <message>
        <source>Could not compact: %1</source>
        <translation>บีบอัดไม่ได้: %1</translation>
    </message>
    <message>
        <source>%1 entities: %2 snapshot(s) written, %3 stored as delta, %4 as keyframe; stored bytes %5 → %6.</source>
        <translation>%1 เอนทิตี: เขียน %2 สแนปช็อต จัดเก็บเป็นส่วนต่าง %3 เป็นคีย์เฟรม %4 ขนาดที่จัดเก็บ %5 → %6</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>ข้าม: %1</translation>
    </message>
</context>
<context>
    <name>TakeSnapshotPanel</name>
    <message>
        <source>Take a snapshot now from the source tables: a store&apos;s stock, an order or aggregate folded from its events, a day of inventory from its transactions, or an account.</source>
        <translation>ถ่ายสแนปช็อตเดี๋ยวนี้จากตารางต้นทาง: สต็อกของร้าน คำสั่งซื้อหรือแอกกรีเกตที่รวมจากอีเวนต์ สินค้าคงคลังหนึ่งวันจากรายการเคลื่อนไหว หรือบัญชี</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>ประเภท:</translation>
    </message>
    <message>
        <source>Entity id:</source>
        <translation>รหัสเอนทิตี:</translation>
    </message>
    <message>
        <source>ORD-TH-000172, cart-00008, ACC-00001 …</source>
        <translation>ORD-TH-000172, cart-00008, ACC-00001 …</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>ร้าน:</translation>
    </message>
    <message>
        <source>All stores of the tenant</source>
        <translation>ทุกร้านของผู้เช่า</translation>
    </message>
    <message>
        <source>Business day:</source>
        <translation>วันทำการ:</translation>
    </message>
    <message>
        <source>Snapshot type:</source>
        <translation>ชนิดสแนปช็อต:</translation>
    </message>
    <message>
        <source>&amp;Take snapshot</source>
        <translation>ถ่ายสแนปช็อต (&amp;T)</translation>
    </message>
    <message>
        <source>Taking %1 snapshot…</source>
        <translation>กำลังถ่ายสแนปช็อต %1…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>ยกเลิกแล้ว: ไม่มีการเขียนข้อมูล</translation>
    </message>
    <message>
        <source>Could not take the snapshot: %1</source>
        <translation>ถ่ายสแนปช็อตไม่ได้: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>ข้าม: %1</translation>
    </message>
    <message numerus="yes">
        <source>Took %n snapshot(s) in %1 ms; first: %2 %3 version %4 (%5).</source>
        <translation>
            <numerusform>ถ่าย %n สแนปช็อตใน %1 มิลลิวินาที รายการแรก: %2 %3 เวอร์ชัน %4 (%5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the %1 to snapshot.</source>
        <translation>ป้อน%1ที่จะถ่ายสแนปช็อต</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <source>%1 → %2 (%3%)</source>
        <translation>%1 → %2 (%3%)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ไม่ทราบ</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>ตรวจสอบแล้ว</translation>
    </message>
    <message>
        <source>corrupt</source>
        <translation>เสียหาย</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>ปักหมุด</translation>
    </message>
    <message>
        <source>Pinned: never removed by cleanup</source>
        <translation>ปักหมุด: การล้างข้อมูลจะไม่ลบ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>เอนทิตี</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>เวอร์ชัน</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>สร้างโดย</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>สรุป</translation>
    </message>
    <message>
        <source>Size (raw → stored)</source>
        <translation>ขนาด (ก่อนบีบอัด → จัดเก็บ)</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>ความถูกต้องของข้อมูล</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>ปักหมุด</translation>
    </message>
    <message>
        <source>kind %1</source>
        <translation>ประเภท %1</translation>
    </message>
    <message>
        <source>types %1</source>
        <translation>ชนิด %1</translation>
    </message>
    <message>
        <source>entity %1</source>
        <translation>เอนทิตี %1</translation>
    </message>
    <message>
        <source>entity starting with &quot;%1&quot;</source>
        <translation>เอนทิตีที่ขึ้นต้นด้วย &quot;%1&quot;</translation>
    </message>
    <message>
        <source>created by someone matching &quot;%1&quot;</source>
        <translation>สร้างโดยผู้ที่ชื่อมี &quot;%1&quot;</translation>
    </message>
    <message>
        <source>in the trash</source>
        <translation>ในถังขยะ</translation>
    </message>
    <message>
        <source>the first snapshot</source>
        <translation>สแนปช็อตแรก</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ตอนนี้</translation>
    </message>
    <message>
        <source>No snapshots were taken between %1 and %2 (%3).</source>
        <translation>ไม่มีสแนปช็อตที่ถ่ายระหว่าง %1 ถึง %2 (%3)</translation>
    </message>
    <message>
        <source>No snapshots were taken between %1 and %2 (%3) with %4.</source>
        <translation>ไม่มีสแนปช็อตที่ถ่ายระหว่าง %1 ถึง %2 (%3) ที่ตรงกับ %4</translation>
    </message>
    <message>
        <source>The newest one is from %1; widen the time range to see it.</source>
        <translation>สแนปช็อตล่าสุดคือเมื่อ %1 ขยายช่วงเวลาเพื่อดู</translation>
    </message>
    <message>
        <source>This tenant has no snapshots yet.</source>
        <translation>ผู้เช่านี้ยังไม่มีสแนปช็อต</translation>
    </message>
    <message>
        <source>None match these filters at any time.</source>
        <translation>ไม่มีสแนปช็อตใดตรงกับตัวกรองเหล่านี้เลยในทุกช่วงเวลา</translation>
    </message>
    <message>
        <source>No snapshots with %1.</source>
        <translation>ไม่มีสแนปช็อตที่ตรงกับ %1</translation>
    </message>
    <message>
        <source>%1 (%2)
%3 UTC</source>
        <translation>%1 (%2)
%3 UTC</translation>
    </message>
    <message>
        <source>Taken at (%1)</source>
        <translation>ถ่ายเมื่อ (%1)</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>All snapshots</source>
        <translation>สแนปช็อตทั้งหมด</translation>
    </message>
    <message>
        <source>Leave this entity&apos;s timeline (Esc)</source>
        <translation>ออกจากไทม์ไลน์ของเอนทิตีนี้ (Esc)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — every version of this entity</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — ทุกเวอร์ชันของเอนทิตีนี้</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Entity timeline</source>
        <translation>ไทม์ไลน์ของเอนทิตี</translation>
    </message>
    <message>
        <source>No versions to show</source>
        <translation>ไม่มีเวอร์ชันให้แสดง</translation>
    </message>
    <message>
        <source>%1 versions</source>
        <translation>%1 เวอร์ชัน</translation>
    </message>
    <message>
        <source>%1 · version %2
%3</source>
        <translation>%1 · เวอร์ชัน %2
%3</translation>
    </message>
</context>
<context>
    <name>TimelineTable</name>
    <message>
        <source>Take snapshot of this entity now…</source>
        <translation>ถ่ายสแนปช็อตของเอนทิตีนี้เดี๋ยวนี้…</translation>
    </message>
    <message>
        <source>Plan a cleanup of this kind…</source>
        <translation>วางแผนล้างข้อมูลประเภทนี้…</translation>
    </message>
</context>
<context>
    <name>TrainingExportDialog</name>
    <message>
        <source>Export AI Training Data</source>
        <translation>ส่งออกข้อมูลฝึก AI</translation>
    </message>
    <message>
        <source>Chat snapshots of the chosen types that carry AI confidence scores and a customer satisfaction of at least the minimum, as JSON lines: key messages, intent progression, confidence scores and outcome. Customers&apos; contact details are masked.</source>
        <translation>สแนปช็อตแชทของประเภทที่เลือกซึ่งมีคะแนนความมั่นใจของ AI และความพึงพอใจของลูกค้าไม่ต่ำกว่าค่าขั้นต่ำ ในรูปแบบ JSON lines: ข้อความสำคัญ ลำดับเจตนา คะแนนความมั่นใจ และผลลัพธ์ ข้อมูลติดต่อของลูกค้าจะถูกปิดบัง</translation>
    </message>
    <message>
        <source>Snapshot &amp;types:</source>
        <translation>ประเภทสแนปช็อต (&amp;T):</translation>
    </message>
    <message>
        <source>Minimum &amp;satisfaction:</source>
        <translation>ความพึงพอใจขั้นต่ำ (&amp;S):</translation>
    </message>
</context>
<context>
    <name>TrashPanel</name>
    <message>
        <source>Snapshots moved to the trash by cleanups. Restore puts them back; purge deletes those trashed longer ago than the undo window.</source>
        <translation>สแนปช็อตที่การล้างข้อมูลย้ายมาไว้ในถังขยะ กู้คืนจะนำกลับ ส่วนล้างถาวรจะลบรายการที่อยู่ในถังขยะนานกว่าช่วงเวลาที่เลิกทำได้</translation>
    </message>
    <message>
        <source>&amp;Restore selected</source>
        <translation>กู้คืนรายการที่เลือก (&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>รีเฟรช (&amp;F)</translation>
    </message>
    <message>
        <source>Undo &amp;window:</source>
        <translation>ช่วงเวลาที่เลิกทำได้ (&amp;W):</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>ล้างถาวร (&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import archive…</source>
        <translation>นำเข้าไฟล์เก็บถาวร (&amp;I)…</translation>
    </message>
    <message>
        <source>Import archive</source>
        <translation>นำเข้าไฟล์เก็บถาวร</translation>
    </message>
    <message>
        <source>Snapshot archives (*.ndjson.zst);;All files (*)</source>
        <translation>ไฟล์เก็บถาวรสแนปช็อต (*.ndjson.zst);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Select the snapshots to restore.</source>
        <translation>เลือกสแนปช็อตที่จะกู้คืน</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>กำลังกู้คืน…</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n snapshot(s).</source>
        <translation>
            <numerusform>กู้คืน %n สแนปช็อตแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not restore: %1</source>
        <translation>กู้คืนไม่ได้: %1</translation>
    </message>
    <message>
        <source>Purge the trash</source>
        <translation>ล้างถังขยะถาวร</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>กำลังล้างถาวร…</translation>
    </message>
    <message>
        <source>Purged %1 snapshots.</source>
        <translation>ล้างถาวร %1 สแนปช็อตแล้ว</translation>
    </message>
    <message>
        <source>Could not purge: %1</source>
        <translation>ล้างถาวรไม่ได้: %1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>กำลังนำเข้า %1…</translation>
    </message>
    <message>
        <source>Imported %1 of %2 archived snapshots (the others were present).</source>
        <translation>นำเข้า %1 จาก %2 สแนปช็อตที่เก็บถาวร (ที่เหลือมีอยู่แล้ว)</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>ไม่มีการนำเข้า: %1</translation>
    </message>
    <message>
        <source>Could not count the trash: %1</source>
        <translation>ไม่สามารถนับรายการในถังขยะได้: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing in the trash is older than %n day(s): there is nothing to purge.</source>
        <translation>
            <numerusform>ไม่มีรายการในถังขยะที่เก่ากว่า %n วัน: ไม่มีอะไรให้ล้างถาวร</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n snapshot(s) for good? They were trashed more than %1 day(s) ago. This cannot be undone.</source>
        <translation>
            <numerusform>ลบสแนปช็อต %n รายการอย่างถาวรหรือไม่? รายการเหล่านี้ถูกย้ายไปถังขยะเมื่อกว่า %1 วันก่อน การดำเนินการนี้ย้อนกลับไม่ได้</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>ค่าเริ่มต้นของระบบ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>SnapScope will use the new language the next time it starts.</source>
        <translation>SnapScope จะใช้ภาษาใหม่เมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
</context>
</TS>
