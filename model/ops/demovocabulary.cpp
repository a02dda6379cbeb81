#include "demovocabulary.h"

namespace DemoVocabulary {

namespace {
QStringList utf8List(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list.append(QString::fromUtf8(word));
    return list;
}
} // namespace

const QList<ProductBase> &products()
{
    static const QList<ProductBase> list {
        { "โค้ก", "Coke", "beverage", 15, 40 },
        { "เป๊ปซี่", "Pepsi", "beverage", 14, 30 },
        { "น้ำดื่มสิงห์", "Singha Water", "beverage", 7, 60 },
        { "ชาเขียวโออิชิ", "Oishi Green Tea", "beverage", 20, 25 },
        { "กาแฟเนสกาแฟ", "Nescafe Coffee", "beverage", 18, 20 },
        { "นมเมจิ", "Meiji Milk", "dairy", 16, 22 },
        { "โยเกิร์ตดัชมิลล์", "Dutchmill Yoghurt", "dairy", 12, 18 },
        { "มาม่า รสต้มยำกุ้ง", "Mama Tom Yum Noodles", "instant food", 7, 55 },
        { "มาม่า รสหมูสับ", "Mama Minced Pork Noodles", "instant food", 7, 45 },
        { "ไวไว", "Wai Wai Noodles", "instant food", 6, 30 },
        { "ข้าวหอมมะลิ", "Jasmine Rice", "staples", 45, 15 },
        { "น้ำปลาทิพรส", "Tiparos Fish Sauce", "staples", 25, 10 },
        { "ซีอิ๊วขาว", "Light Soy Sauce", "staples", 28, 8 },
        { "น้ำมันพืชองุ่น", "Angoon Vegetable Oil", "staples", 55, 9 },
        { "ไข่ไก่", "Chicken Eggs", "fresh", 4, 70 },
        { "ขนมปังฟาร์มเฮ้าส์", "Farmhouse Bread", "bakery", 32, 20 },
        { "เลย์ รสคลาสสิก", "Lay's Classic", "snacks", 20, 35 },
        { "ปาปริก้า", "Paprika Chips", "snacks", 15, 15 },
        { "ป๊อกกี้", "Pocky", "snacks", 25, 18 },
        { "ช็อกโกแลตคิทแคท", "KitKat Chocolate", "snacks", 20, 16 },
        { "สบู่นกแก้ว", "Parrot Soap", "personal care", 18, 12 },
        { "ยาสีฟันคอลเกต", "Colgate Toothpaste", "personal care", 45, 10 },
        { "แชมพูซันซิล", "Sunsilk Shampoo", "personal care", 89, 7 },
        { "ผงซักฟอกบรีส", "Breeze Detergent", "household", 65, 9 },
        { "น้ำยาล้างจานซันไลต์", "Sunlight Dishwashing Liquid", "household", 35, 11 },
        { "ทิชชู่สก๊อตต์", "Scott Tissue", "household", 79, 8 },
        { "ยาดมโป๊ยเซียน", "Poy-Sian Inhaler", "health", 25, 6 },
        { "พาราเซตามอล", "Paracetamol", "health", 15, 8 },
        { "เบียร์ช้าง", "Chang Beer", "alcohol", 45, 25 },
        { "เบียร์สิงห์", "Singha Beer", "alcohol", 50, 22 },
        { "กระทิงแดง", "Krating Daeng", "beverage", 12, 28 },
        { "เอ็ม-150", "M-150", "beverage", 12, 26 },
        { "ไส้กรอกซีพี", "CP Sausage", "frozen", 59, 12 },
        { "เกี๊ยวกุ้งซีพี", "CP Shrimp Wonton", "frozen", 69, 9 },
        { "ไอศกรีมวอลล์", "Wall's Ice Cream", "frozen", 25, 14 },
        { "ถ่านพานาโซนิค", "Panasonic Batteries", "household", 49, 5 },
    };
    return list;
}

QStringList sizes()
{
    return utf8List({ "325ml", "1.25L", "500ml", "แพ็ค 6", "แพ็ค 12", "ขนาดเล็ก", "ขนาดใหญ่", "60g", "120g", "1kg", "5kg",
        "Family Pack", "Mini", "Refill", "ถุง", "กล่อง" });
}

QStringList thaiFirstNames()
{
    return utf8List({ "สมชาย", "สมหญิง", "ประเสริฐ", "วิไล", "สุดา", "อนันต์", "กมล", "จันทร์เพ็ญ", "ธนา", "นภา", "พิมพ์", "ศิริพร",
        "อรุณ", "ชัยวัฒน์", "มาลี", "ปิยะ", "รัตนา", "วีระ", "สุรชัย", "กัญญา" });
}

QStringList thaiLastNames()
{
    return utf8List(
        { "ใจดี", "รักไทย", "ศรีสุข", "มั่นคง", "ทองดี", "แสงทอง", "บุญมา", "วงศ์ใหญ่", "สุขสวัสดิ์", "พรหมมา", "ชัยมงคล", "เจริญผล" });
}

QStringList englishFirstNames()
{
    return utf8List({ "James", "Emma", "Oliver", "Sophie", "Daniel", "Grace", "Lucas", "Mia", "Noah", "Chloe", "Ethan",
        "Hannah", "Ryan", "Olivia", "Leo", "Ava" });
}

QStringList englishLastNames()
{
    return utf8List({ "Smith", "Brown", "Wilson", "Taylor", "Anderson", "Clarke", "Walker", "Wright", "Lee", "Harris",
        "Martin", "Young" });
}

QStringList provinces()
{
    return utf8List({ "กรุงเทพมหานคร", "นนทบุรี", "ปทุมธานี", "สมุทรปราการ", "เชียงใหม่", "ขอนแก่น", "ชลบุรี", "ภูเก็ต" });
}

QStringList districts()
{
    return utf8List({ "บางรัก", "ปทุมวัน", "จตุจักร", "ห้วยขวาง", "บางนา", "ลาดพร้าว", "สาทร", "บางกะปิ", "เมือง", "หาดใหญ่" });
}

const QList<ChatLine> &customerLines()
{
    static const QList<ChatLine> list {
        { "greeting", "สวัสดีค่ะ", "Hi there" },
        { "greeting", "สวัสดีครับ สอบถามหน่อยครับ", "Hello, I have a question" },
        { "product_inquiry", "มีโค้กขวดใหญ่ไหมคะ", "Do you have large bottles of Coke?" },
        { "product_inquiry", "มาม่ารสต้มยำยังมีของไหมครับ", "Is Mama Tom Yum still in stock?" },
        { "price_check", "ราคาเท่าไหร่คะ", "How much is it?" },
        { "price_check", "ซื้อ 2 แพ็คมีส่วนลดไหมครับ", "Is there a discount for two packs?" },
        { "delivery_question", "ส่งถึงบางนาวันนี้ได้ไหมคะ", "Can you deliver to Bang Na today?" },
        { "purchase_intent", "เอา 3 แพ็คค่ะ", "I'll take three packs" },
        { "purchase_intent", "สั่งเลยครับ โอนแล้วนะครับ", "Ordering now, I've paid by transfer" },
        { "complaint", "ของที่ได้รับแตกค่ะ ไม่พอใจมาก", "The item arrived broken, I'm very unhappy" },
        { "complaint", "รอของมา 3 วันแล้วยังไม่ได้เลยครับ", "I've waited three days and still nothing" },
        { "human_request", "ขอคุยกับพนักงานได้ไหมคะ", "Can I talk to a person?" },
        { "thanks", "ขอบคุณมากค่ะ", "Thanks a lot" },
    };
    return list;
}

const QList<ChatLine> &assistantLines()
{
    static const QList<ChatLine> list {
        { "greeting", "สวัสดีค่ะ ยินดีให้บริการค่ะ", "Hello! How can I help you today?" },
        { "product_inquiry", "มีสินค้าพร้อมส่งค่ะ", "Yes, that item is in stock and ready to ship" },
        { "price_check", "ราคา 45 บาทค่ะ ซื้อ 2 แพ็คลด 10%", "It's 45 baht; two packs get 10% off" },
        { "delivery_question", "สั่งก่อนบ่ายสองส่งได้ภายในวันนี้ค่ะ", "Orders before 2pm are delivered the same day" },
        { "purchase_intent", "รับออเดอร์เรียบร้อยค่ะ", "Your order has been placed" },
        { "complaint", "ขออภัยในความไม่สะดวกค่ะ จะส่งต่อให้เจ้าหน้าที่นะคะ", "Sorry about that, I'm passing you to a colleague" },
        { "human_request", "กำลังโอนสายให้เจ้าหน้าที่ค่ะ", "Transferring you to a member of staff" },
        { "thanks", "ขอบคุณที่ใช้บริการค่ะ", "Thank you for shopping with us" },
    };
    return list;
}

QStringList companies()
{
    return utf8List({ "Siam Fresh Mart", "Bangkok Bites Co.", "ร้านป้าแดง", "Chiang Mai Coffee House", "Lotus Corner",
        "Phuket Beach Store", "ร้านสะดวกซื้อสมใจ", "Krungthep Trading", "Nonthaburi Grocers", "ร้านเจ๊หมวย" });
}

} // namespace DemoVocabulary
