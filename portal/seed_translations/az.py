"""Azerbaijani texts of the seed records, keyed like portal/seed_data.py."""

PLACES = {
    "azerbaijan": {"name": "Azərbaycan"},
    "china": {"name": "Çin"},
    "baku": {"name": "Bakı"},
    "khazar-district": {"name": "Xəzər rayonu"},
    "nakhchivan": {"name": "Naxçıvan Muxtar Respublikası"},
    "karabakh": {"name": "Qarabağ"},
    "alat-free-economic-zone": {"name": "Ələt Azad İqtisadi Zonası"},
    "yunnan": {"name": "Yunnan əyaləti"},
    "malipo-county": {"name": "Malipo qraflığı"},
    "zhejiang": {"name": "Çjeszyan əyaləti"},
    "jinhua": {"name": "Tszinxua"},
    "yiwu": {"name": "İu"},
    "beijing": {"name": "Pekin"},
    "shenzhen": {"name": "Şençjen"},
}

ORGANIZATIONS = {
    "apa": {
        "name": "APA informasiya agentliyi",
        "description": "Müsahibəni dərc etmiş Azərbaycan informasiya agentliyi.",
    },
    "government-of-china": {"name": "Çin Xalq Respublikası Hökuməti"},
    "government-of-azerbaijan": {"name": "Azərbaycan Respublikası Hökuməti"},
    "chinese-embassy-azerbaijan": {
        "name": "Çin Xalq Respublikasının Azərbaycandakı Səfirliyi",
        "description": (
            "Heydər Əliyev və Li Pen 2000-ci ildə səfirliyin hazırkı binasının təməl "
            "daşını qoyublar."
        ),
    },
    "presidential-administration-azerbaijan": {
        "name": "Azərbaycan Respublikası Prezidentinin Administrasiyası",
        "description": (
            "Çin ilə Azərbaycan arasında diplomatik əlaqələrin 10 illiyi münasibətilə "
            "xatirə albomu nəşr edib."
        ),
    },
    "azerbaijan-mfa": {"name": "Azərbaycan Xarici İşlər Nazirliyi"},
    "anama": {
        "name": "Azərbaycan Respublikasının Minatəmizləmə Agentliyi",
        "acronym": "ANAMA",
        "description": "Humanitar minatəmizləmə üçün Çindən maliyyə yardımı alıb.",
    },
    "milli-majlis": {"name": "Milli Məclis", "description": "Azərbaycanın parlamenti."},
    "heydar-aliyev-foundation": {
        "name": "Heydər Əliyev Fondu",
        "description": (
            "Çin–Azərbaycan Dostluq Rəqəmsal Siniflərinin avadanlığı Çin tərəfindən bu "
            "fond vasitəsilə hədiyyə edilib."
        ),
    },
    "heydar-aliyev-museum-nakhchivan": {"name": "Heydər Əliyev Muzeyi, Naxçıvan"},
    "azerbaijan-university-of-languages": {"name": "Azərbaycan Dillər Universiteti"},
    "confucius-institute-aul": {
        "name": "Azərbaycan Dillər Universitetinin nəzdində Konfutsi İnstitutu",
    },
    "byd": {
        "name": "BYD",
        "description": (
            "Çin şirkəti; Azərbaycandakı elektrik avtobusu zavodu onun adını daşıyır."
        ),
    },
    "npc-standing-committee": {
        "name": "Ümumçin Xalq Nümayəndələri Məclisinin Daimi Komitəsi",
    },
    "cppcc": {
        "name": "Çin Xalq Siyasi Məşvərət Şurasının Ümumçin Komitəsi",
        "acronym": "ÇXSMŞ",
    },
    "malipo-second-primary-school": {
        "name": "Malipo qraflığının 2 nömrəli ibtidai məktəbi",
        "description": (
            "Yunnan əyalətinin Malipo qraflığındakı ibtidai məktəb; Azərbaycan bu "
            "məktəb üçün oyun meydançasının tikintisinə vəsait ayırıb."
        ),
    },
    "united-nations": {"name": "Birləşmiş Millətlər Təşkilatı", "acronym": "BMT"},
    "unfccc": {
        "name": "BMT-nin İqlim Dəyişmələri üzrə Çərçivə Konvensiyası",
        "acronym": "UNFCCC",
        "description": (
            "Azərbaycan 2024-cü ilin noyabrında Konvensiya Tərəflər Konfransının 29-cu "
            "sessiyasına (COP29) ev sahibliyi edib."
        ),
    },
    "sco": {
        "name": "Şanxay Əməkdaşlıq Təşkilatı",
        "acronym": "ŞƏT",
        "description": (
            "Səfirin sözlərinə görə, Çin və Azərbaycan ŞƏT çərçivəsində bir-birini "
            "dəstəkləyir, Çin isə Azərbaycanın bu təşkilata üzvlüyünü dəstəkləyir."
        ),
    },
    "cica": {
        "name": "Asiyada Qarşılıqlı Fəaliyyət və Etimad Tədbirləri üzrə Müşavirə",
        "acronym": "AQEM",
        "description": (
            "Səfirin sözlərinə görə, Çin Azərbaycanın AQEM-ə sədrliyi dövründəki "
            "fəaliyyətini dəstəkləyir."
        ),
    },
}

SOURCE = {
    "title": (
        "Çin Xalq Respublikasının Azərbaycandakı səfiri Lu Meyin Çin–Azərbaycan "
        "əlaqələri barədə müsahibəsi"
    ),
    "notes": (
        "ÇXR-in Azərbaycandakı səfiri Lu Meyin APA informasiya agentliyinə verdiyi "
        "müsahibə. Mətndə müsahibənin dərc tarixi göstərilmir: 2026-cı il mətndən "
        "çıxarılıb, çünki orada 2025-ci ildən “ötən il” kimi, 24 dekabr 2025-ci il "
        "tarixindən isə keçmiş zamanda bəhs edilir. Orijinal URL qeydə alınmayıb; "
        "yuxarıdakı başlıq müsahibənin dərc olunmuş başlığını təkrarlamır, onun "
        "məzmununu təsvir edir. İngilis dilindəki mətnin hərfi surəti portalın "
        "repozitoriyasında saxlanılır (docs/sources/lu-mei-apa-interview.txt)."
    ),
}

PEOPLE = {
    "lu-mei": {
        "name": "Lu Mey",
        "honorific": (
            "Çin Xalq Respublikasının Azərbaycandakı Fövqəladə və Səlahiyyətli Səfiri"
        ),
        "bio": (
            "Çin Xalq Respublikasının Azərbaycandakı səfiri. APA informasiya "
            "agentliyinə verdiyi müsahibədə Çin–Azərbaycan əlaqələrindən və gələcək "
            "əməkdaşlığın perspektivlərindən danışıb."
        ),
    },
    "heydar-aliyev": {
        "name": "Heydər Əliyev",
        "honorific": (
            "Azərbaycanın ümummilli lideri; 1993–2003-cü illərdə Azərbaycan Prezidenti"
        ),
        "bio": (
            "1994-cü ildə Çinə səfər edib və Tszyan Tszeminlə danışıqlar aparıb; "
            "2000-ci ildə Azərbaycan Prezidenti kimi Li Pen ilə birlikdə Çin "
            "səfirliyinin Azərbaycandakı binasının təməl daşını qoyub."
        ),
    },
    "ilham-aliyev": {
        "name": "İlham Əliyev",
        "honorific": "Azərbaycan Prezidenti",
        "bio": (
            "2003-cü ildən Azərbaycan Prezidentidir. Müsahibəyə görə, o, Çinə səkkiz "
            "dəfə, o cümlədən 2025-ci ildə iki dəfə səfər edib; Si Szinpin onu Çin "
            "xalqının çoxillik dostu adlandırıb."
        ),
    },
    "xi-jinping": {"name": "Si Szinpin", "honorific": "Çin Xalq Respublikasının Sədri"},
    "jiang-zemin": {
        "name": "Tszyan Tszemin",
        "honorific": "Çin Xalq Respublikasının Sədri",
        "bio": (
            "1994-cü ildə Heydər Əliyevin Çinə səfəri zamanı onunla danışıqlar aparıb."
        ),
    },
    "li-peng": {
        "name": "Li Pen",
        "honorific": "Çinin Ümumçin Xalq Nümayəndələri Məclisi Daimi Komitəsinin sədri",
        "bio": (
            "2000-ci ildə Heydər Əliyevlə birlikdə Çin səfirliyinin Azərbaycandakı "
            "binasının təməl daşını qoyub."
        ),
    },
    "su-hui": {
        "name": "Su Xuey",
        "honorific": "Çin Xalq Siyasi Məşvərət Şurası Ümumçin Komitəsinin sədr müavini",
    },
    "ali-asadov": {"name": "Əli Əsədov", "honorific": "Azərbaycanın Baş naziri"},
    "sahiba-gafarova": {"name": "Sahibə Qafarova", "honorific": "Milli Məclisin Sədri"},
    "shahin-mustafayev": {
        "name": "Şahin Mustafayev",
        "honorific": (
            "Azərbaycanın Baş nazirinin müavini, Azərbaycan–Çin ticarət-iqtisadi "
            "əməkdaşlığı üzrə koordinator"
        ),
    },
    "rafiq-abbasov": {
        "name": "Rafiq Abbasov",
        "honorific": (
            "Professor, Azərbaycan Dillər Universitetinin nəzdində Konfutsi "
            "İnstitutunun direktoru"
        ),
        "bio": (
            "24 dekabr 2025-ci ildə təqdimatı keçirilmiş “Azərbaycan və Çin – "
            "Prezident salnaməsi (2003–2025)” kitabının müəllifi."
        ),
    },
}

EVENTS = {
    "heydar-aliyev-visit-to-china-1994": {
        "title": "Heydər Əliyevin Çinə səfəri və Tszyan Tszeminlə danışıqları",
        "summary": (
            "Azərbaycanın ümummilli lideri Heydər Əliyev Çinə səfər edib və o zaman "
            "Çin Xalq Respublikasının Sədri olan Tszyan Tszeminlə danışıqlar aparıb. "
            "Səfir bu səfəri Çin–Azərbaycan əlaqələrinin inkişafının əsasını qoymuş "
            "səfər kimi səciyyələndirir."
        ),
    },
    "chinese-embassy-foundation-stone-2000": {
        "title": "Çin səfirliyi binasının təməl daşının qoyulması",
        "summary": (
            "O zaman Azərbaycan Prezidenti olan Heydər Əliyev və o zaman Çinin Ümumçin "
            "Xalq Nümayəndələri Məclisi Daimi Komitəsinin sədri olan Li Pen hazırda "
            "Çinin Azərbaycandakı səfirliyinin yerləşdiyi binanın təməl daşını birgə "
            "qoyublar."
        ),
        "body": (
            "Müsahibədə şəhərin adı çəkilmir; hadisənin yeri səfirliyin yerləşdiyi "
            "Bakı kimi göstərilib."
        ),
    },
    "cop29-baku-climate-finance-2024": {
        "title": (
            "COP29: Çin və Azərbaycan nümayəndə heyətləri 2025-ci ildən sonrakı dövr "
            "üçün iqlim maliyyəsi hədəfini irəli aparır"
        ),
        "summary": (
            "Azərbaycanın ev sahibliyi etdiyi BMT-nin İqlim Dəyişmələri üzrə 29-cu "
            "konfransında (COP29) Çin və Azərbaycan nümayəndə heyətləri 2025-ci ildən "
            "sonrakı dövr üçün iqlim maliyyəsi hədəfi üzərində sıx əməkdaşlıq ediblər. "
            "Səfir bunun nəticəsini tarixi “Bakı irəliləyişi” adlandırır."
        ),
        "body": (
            "Müsahibədə COP29-a Azərbaycanın ev sahibliyi etdiyi bildirilir; konfrans "
            "Bakıda keçirildiyi üçün yer kimi Bakı göstərilib."
        ),
    },
    "ilham-aliyev-state-visit-to-china-april-2025": {
        "title": "İlham Əliyevin Çinə dövlət səfəri və Si Szinpinlə görüşü",
        "summary": (
            "Prezident İlham Əliyevin Çinə səfəri zamanı o və Sədr Si Szinpin ümumi "
            "pasport sahibləri üçün vizaların ləğvi haqqında sazişin imzalanmasının "
            "şahidi olublar. Si Szinpin bildirib ki, bir-birinin əsas maraqlarına dair "
            "məsələlərdə qətiyyətli qarşılıqlı dəstək iki ölkənin strateji "
            "tərəfdaşlığının mühüm elementidir."
        ),
        "body": (
            "Müsahibədə iki liderin 2025-ci ildə hərtərəfli strateji tərəfdaşlığın "
            "qurulması haqqında Birgə Bəyannaməni imzaladığı bildirilir, lakin səfərin "
            "adı çəkilmir; bəyannamə bu səfər zamanı imzalanmış kimi qeydə alınıb. "
            "Prezident Əliyevi səfərdə həyat yoldaşı və ailə üzvləri müşayiət ediblər; "
            "o, Azərbaycanın vahid Çin prinsipinə sadiqliyini bir daha təsdiqləyib."
        ),
    },
    "ilham-aliyev-second-visit-to-china-2025": {
        "title": "İlham Əliyevin 2025-ci ildə Çinə ikinci səfəri",
        "summary": (
            "Prezident İlham Əliyev 2025-ci ildə Çinə ikinci dəfə səfər edib və Sədr "
            "Si Szinpinlə görüşərək Azərbaycanın vahid Çin prinsipinə sadiqliyini "
            "yenidən təsdiqləyib. Müsahibədə nə tarix, nə də şəhər göstərilir."
        ),
        "body": (
            "Aprel səfərində olduğu kimi, Prezident Əliyevi həyat yoldaşı və ailə "
            "üzvləri müşayiət ediblər. Müsahibədə səfərin növü təsvir edilmir; o, "
            "müsahibədə bəhs edilən görüş kimi qeydə alınıb."
        ),
    },
    "su-hui-visit-to-azerbaijan-2025": {
        "title": "ÇXSMŞ-nin sədr müavini Su Xueyin Azərbaycana səfəri",
        "summary": (
            "Çin Xalq Siyasi Məşvərət Şurası Ümumçin Komitəsinin sədr müavini Su Xuey "
            "Azərbaycana səfər edib, Baş nazir Əli Əsədov və Milli Məclisin Sədri "
            "Sahibə Qafarova ilə dövlət başçılarının əldə etdiyi razılaşmaların həyata "
            "keçirilməsi barədə danışıqlar aparıb."
        ),
    },
    "shahin-mustafayev-visit-to-china-2025-first": {
        "title": (
            "Şahin Mustafayevin Çinə səfəri (2025-ci ildəki iki səfərdən birincisi)"
        ),
        "summary": (
            "Azərbaycan–Çin ticarət-iqtisadi əməkdaşlığı üzrə koordinator, Baş nazirin "
            "müavini Şahin Mustafayev praqmatik əməkdaşlığı təşviq etmək məqsədilə "
            "2025-ci ildə Çinə iki dəfə səfər edib; bu, həmin iki səfərdən "
            "birincisidir."
        ),
        "body": (
            "Müsahibədə heç bir səfərin tarixi göstərilmir, buna görə hər ikisi yalnız "
            "il üzrə qeydə alınıb; “birinci” və “ikinci” ifadələri məlum tarixlərə "
            "deyil, iki səfərin ardıcıllığına əsaslanır."
        ),
    },
    "shahin-mustafayev-visit-to-china-2025-second": {
        "title": (
            "Şahin Mustafayevin Çinə səfəri (2025-ci ildəki iki səfərdən ikincisi)"
        ),
        "summary": (
            "Azərbaycan–Çin ticarət-iqtisadi əməkdaşlığı üzrə koordinator, Baş nazirin "
            "müavini Şahin Mustafayev praqmatik əməkdaşlığı təşviq etmək məqsədilə "
            "2025-ci ildə Çinə iki dəfə səfər edib; bu, həmin iki səfərdən ikincisidir."
        ),
        "body": (
            "Müsahibədə heç bir səfərin tarixi göstərilmir, buna görə hər ikisi yalnız "
            "il üzrə qeydə alınıb; “birinci” və “ikinci” ifadələri məlum tarixlərə "
            "deyil, iki səfərin ardıcıllığına əsaslanır."
        ),
    },
    "nakhchivan-distance-learning-handover-2025": {
        "title": (
            "Naxçıvanda Çinin maliyyələşdirdiyi məsafədən təhsil avadanlığının təhvil "
            "verilməsi"
        ),
        "summary": (
            "Səfir Lu Mey Naxçıvan Muxtar Respublikasında Çinin maliyyələşdirdiyi "
            "məsafədən təhsil avadanlığının təhvil verilməsi mərasimində iştirak edib; "
            "bu avadanlıqla Naxçıvanda 216 məktəb təchiz olunub."
        ),
    },
    "presidential-chronicle-book-presentation-2025": {
        "title": (
            "“Azərbaycan və Çin – Prezident salnaməsi (2003–2025)” kitabının təqdimatı"
        ),
        "summary": (
            "Səfir Lu Mey professor Rafiq Abbasovun yeni kitabının təqdimatında "
            "iştirak edib; kitabda İlham Əliyevin Azərbaycan Prezidenti vəzifəsinə "
            "başladığı vaxtdan bəri Çin–Azərbaycan əlaqələrindəki əsas hadisələr "
            "sənədləşdirilir."
        ),
        "body": "Müsahibədə təqdimatın harada keçirildiyi göstərilmir.",
    },
    "azerbaijan-mfa-statement-one-china": {
        "title": (
            "Azərbaycan Xarici İşlər Nazirliyi vahid Çin prinsipinə dəstəyini bir daha "
            "təsdiqləyir"
        ),
        "summary": (
            "ABŞ-ın Tayvana genişmiqyaslı silah satışı barədə elan verməsindən dərhal "
            "sonra Azərbaycan Xarici İşlər Nazirliyi ictimai bəyanat yayaraq vahid Çin "
            "prinsipinə qətiyyətli dəstəyini və “Tayvanın müstəqilliyi”ni tanımadığını "
            "bir daha təsdiqləyib."
        ),
        "body": (
            "Tarix təqribidir. 2026-cı ildə verilmiş müsahibədə yalnız ABŞ-ın elanının "
            "bu yaxınlarda olduğu və bəyanatın ondan dərhal sonra verildiyi "
            "bildirilir; nə tarix, nə də yer göstərilir. Buna görə bəyanat “təq. 2025” "
            "kimi qeydə alınıb. Səfir əlavə edir ki, Azərbaycan bu mövqeyi açıq "
            "şəkildə dəstəkləyən ilk ölkələrdən biri olub."
        ),
    },
    "lu-mei-heydar-aliyev-museum-visit": {
        "title": "Səfir Lu Meyin Naxçıvanda Heydər Əliyev Muzeyini ziyarəti",
        "summary": (
            "Naxçıvan Muxtar Respublikasına səfəri zamanı səfir Lu Mey Heydər Əliyev "
            "Muzeyini ziyarət edib; muzeyin direktoru ona Azərbaycan Prezidentinin "
            "Administrasiyası tərəfindən Çin ilə Azərbaycan arasında diplomatik "
            "əlaqələrin 10 illiyi münasibətilə nəşr edilmiş xatirə albomunu göstərib."
        ),
        "body": (
            "2026-cı ildə verilmiş müsahibədə yalnız ziyarətin bu yaxınlarda baş "
            "tutduğu bildirilir; ziyarət “təq. 2025” kimi qeydə alınıb."
        ),
    },
    "lu-mei-apa-interview": {
        "title": "Səfir Lu Meyin Çin–Azərbaycan əlaqələri barədə APA-ya müsahibəsi",
        "summary": (
            "ÇXR-in Azərbaycandakı səfiri Lu Mey APA informasiya agentliyinə "
            "Çin–Azərbaycan əlaqələri və gələcək əməkdaşlığın perspektivləri barədə "
            "danışıb."
        ),
        "body": (
            "Müsahibədə siyasi dialoq, ticarət və investisiyalar, “Bir kəmər, bir yol” "
            "təşəbbüsü və Orta Dəhliz, mədəni və təhsil mübadilələri, beynəlxalq "
            "təşkilatlar çərçivəsində əməkdaşlıq, Çin Kommunist Partiyası 20-ci "
            "çağırış Mərkəzi Komitəsinin Dördüncü plenar iclası və Tayvan məsələsi "
            "əhatə olunur. Müsahibənin dərc tarixi göstərilmir; 2026-cı il mətndən "
            "çıxarılıb, çünki orada 2025-ci ildən ötən il kimi bəhs edilir."
        ),
    },
}

PARTICIPATIONS = {
    ("heydar-aliyev-visit-to-china-1994", "heydar-aliyev"): {
        "role": "Azərbaycanın ümummilli lideri",
    },
    ("heydar-aliyev-visit-to-china-1994", "jiang-zemin"): {
        "role": "o zaman Çin Xalq Respublikasının Sədri",
    },
    ("chinese-embassy-foundation-stone-2000", "heydar-aliyev"): {
        "role": "o zaman Azərbaycan Prezidenti",
    },
    ("chinese-embassy-foundation-stone-2000", "li-peng"): {
        "role": (
            "o zaman Çinin Ümumçin Xalq Nümayəndələri Məclisi Daimi Komitəsinin sədri"
        ),
    },
    ("ilham-aliyev-state-visit-to-china-april-2025", "ilham-aliyev"): {
        "role": "Azərbaycan Prezidenti",
    },
    ("ilham-aliyev-state-visit-to-china-april-2025", "xi-jinping"): {
        "role": "Çin Xalq Respublikasının Sədri",
    },
    ("ilham-aliyev-second-visit-to-china-2025", "ilham-aliyev"): {
        "role": "Azərbaycan Prezidenti",
    },
    ("ilham-aliyev-second-visit-to-china-2025", "xi-jinping"): {
        "role": "Çin Xalq Respublikasının Sədri",
    },
    ("su-hui-visit-to-azerbaijan-2025", "su-hui"): {
        "role": "Çin Xalq Siyasi Məşvərət Şurası Ümumçin Komitəsinin sədr müavini",
    },
    ("su-hui-visit-to-azerbaijan-2025", "ali-asadov"): {
        "role": "Baş nazir",
    },
    ("su-hui-visit-to-azerbaijan-2025", "sahiba-gafarova"): {
        "role": "Milli Məclisin Sədri",
    },
    ("shahin-mustafayev-visit-to-china-2025-first", "shahin-mustafayev"): {
        "role": (
            "Baş nazirin müavini, Azərbaycan–Çin ticarət-iqtisadi əməkdaşlığı üzrə "
            "koordinator"
        ),
    },
    ("shahin-mustafayev-visit-to-china-2025-second", "shahin-mustafayev"): {
        "role": (
            "Baş nazirin müavini, Azərbaycan–Çin ticarət-iqtisadi əməkdaşlığı üzrə "
            "koordinator"
        ),
    },
    ("nakhchivan-distance-learning-handover-2025", "lu-mei"): {
        "role": "Çin Xalq Respublikasının Azərbaycandakı səfiri",
    },
    ("presidential-chronicle-book-presentation-2025", "lu-mei"): {
        "role": "Çin Xalq Respublikasının Azərbaycandakı səfiri",
    },
    ("presidential-chronicle-book-presentation-2025", "rafiq-abbasov"): {
        "role": (
            "müəllif; Azərbaycan Dillər Universitetinin nəzdində Konfutsi İnstitutunun "
            "direktoru"
        ),
    },
    ("lu-mei-heydar-aliyev-museum-visit", "lu-mei"): {
        "role": "Çin Xalq Respublikasının Azərbaycandakı səfiri",
    },
    ("lu-mei-apa-interview", "lu-mei"): {
        "role": "Çin Xalq Respublikasının Azərbaycandakı səfiri",
    },
}

AGREEMENTS = {
    "china-azerbaijan-comprehensive-strategic-partnership-declaration-2025": {
        "title": (
            "Çin ilə Azərbaycan arasında hərtərəfli strateji tərəfdaşlığın qurulması "
            "haqqında Birgə Bəyannamə"
        ),
        "summary": (
            "2025-ci ildə Çin və Azərbaycan liderlərinin imzaladığı bəyannamə "
            "hərtərəfli strateji tərəfdaşlıq qurur. Bəyannamədə Azərbaycan tərəfi "
            "yalnız bir Çinin mövcud olduğunu və Tayvanın Çin ərazisinin ayrılmaz "
            "hissəsi olduğunu tanıyır."
        ),
        "body": (
            "Müsahibədə liderlərin bəyannaməni Prezident İlham Əliyevin Çinə iki səfər "
            "etdiyi 2025-ci ildə imzaladığı bildirilir, lakin səfərin adı çəkilmir; "
            "bəyannamə 2025-ci ilin aprel səfəri zamanı imzalanmış kimi qeydə alınıb."
        ),
    },
    "china-azerbaijan-visa-abolition-agreement-2025": {
        "title": (
            "Çin Xalq Respublikası Hökuməti ilə Azərbaycan Respublikası Hökuməti "
            "arasında ümumi pasport sahibləri üçün vizaların qarşılıqlı ləğvi haqqında "
            "Saziş"
        ),
        "summary": (
            "Prezident İlham Əliyevin Çinə səfəri zamanı hər iki dövlət başçısının "
            "şahidliyi ilə imzalanmış saziş iki ölkənin ümumi pasport sahibləri üçün "
            "vizaları ləğv edir. Səfirin sözlərinə görə, vizasız rejim şəraitində "
            "qarşılıqlı turist səfərləri artıb."
        ),
    },
    "humanitarian-demining-memorandum": {
        "title": (
            "Humanitar minatəmizləmə sahəsində əməkdaşlığın gücləndirilməsi haqqında "
            "Anlaşma Memorandumu"
        ),
        "summary": (
            "Çin və Azərbaycan dövlət başçılarının iştirakı ilə imzalanmış memorandum; "
            "onun çərçivəsində Çin Azərbaycan Respublikasının Minatəmizləmə "
            "Agentliyinə maliyyə yardımı göstərib. Müsahibədə memorandumun nə vaxt və "
            "kim tərəfindən imzalandığı göstərilmir."
        ),
    },
    "new-energy-projects-cooperation-documents": {
        "title": "Beş yeni enerji layihəsi üzrə əməkdaşlıq sənədləri",
        "summary": (
            "Bir neçə Çin şirkəti Azərbaycanla ümumi quraşdırılmış gücü 1570 MVt olan, "
            "fotovoltaik və külək elektrik stansiyaları da daxil olmaqla beş yeni "
            "enerji layihəsi üzrə əməkdaşlıq sənədləri imzalayıb. Müsahibədə nə "
            "şirkətlərin adları, nə də imzalanma tarixi göstərilir."
        ),
    },
}

PROJECTS = {
    "byd-electric-bus-plant": {
        "title": "Azərbaycandakı BYD elektrik avtobusu zavodu",
        "summary": (
            "Müsahibədə “Azərbaycandakı BYD zavodu” adlandırılan elektrik avtobusu "
            "zavodu. Zavodun 50 elektrik avtobusundan ibarət ilk partiyası təhvil "
            "verilib, 2025-ci ildə isə onun 300 avtobusu Bakıda, Naxçıvanda və "
            "Qarabağda istismara verilib."
        ),
        "body": (
            "Müsahibədə zavod yalnız “Azərbaycandakı BYD zavodu” adlandırılır: onun "
            "harada yerləşdiyi, nə vaxt açıldığı və BYD-nin burada hansı rol oynadığı "
            "göstərilmir, buna görə BYD icraçı tərəfdaş kimi qeyd olunub. Bakı, "
            "Naxçıvan və Qarabağ onun avtobuslarının işlədiyi yerlərdir."
        ),
    },
    "five-new-energy-projects-1570-mw": {
        "title": "Ümumi gücü 1570 MVt olan beş yeni enerji layihəsi",
        "summary": (
            "Bir neçə Çin şirkətinin Azərbaycanla razılaşdırdığı, ümumi quraşdırılmış "
            "gücü 1570 MVt olan beş fotovoltaik və külək enerjisi layihəsi. Səfirin "
            "sözlərinə görə, layihələr tam istismara verildikdən sonra Azərbaycanın "
            "bərpa olunan mənbələrdən elektrik enerjisi istehsalı gücü iki dəfə "
            "artacaq."
        ),
        "body": "Müsahibədə nə şirkətlərin, nə də layihə yerlərinin adları çəkilir.",
    },
    "wind-power-plant-240-mw": {
        "title": (
            "240 MVt gücündə külək elektrik stansiyası — Azərbaycanın ilk iri miqyaslı "
            "külək enerjisi layihəsi"
        ),
        "summary": (
            "Azərbaycanın ilk iri miqyaslı külək enerjisi layihəsi olan, Çin şirkəti "
            "tərəfindən həyata keçirilmiş 240 MVt gücündə külək elektrik stansiyası "
            "istismara verilib. Müsahibədə şirkətin adı çəkilmədiyi üçün heç bir "
            "tərəfdaş qeydə alınmayıb."
        ),
    },
    "alat-solar-panel-factory-3-gw": {
        "title": "Ələt Azad İqtisadi Zonasında 3 QVt gücündə günəş paneli zavodu",
        "summary": (
            "Çin şirkətləri Ələt Azad İqtisadi Zonasında özəl kapital hesabına 3 QVt "
            "gücündə günəş panelləri istehsalı layihəsini inşa edəcək. Müsahibədə "
            "şirkətlərin adları çəkilmir."
        ),
    },
    "anama-demining-assistance": {
        "title": "Azərbaycanda humanitar minatəmizləmə üçün Çinin maliyyə yardımı",
        "summary": (
            "Humanitar minatəmizləmə haqqında memorandum çərçivəsində Çin Azərbaycan "
            "Respublikasının Minatəmizləmə Agentliyinə (ANAMA) maliyyə yardımı "
            "göstərib; bu yardım azad edilmiş ərazilərdə minatəmizləmə potensialının "
            "artırılmasına kömək edib."
        ),
        "body": (
            "Müsahibədə nə yardımın məbləği, nə də tarixləri göstərilir, ərazi isə "
            "yalnız “azad edilmiş ərazilər” kimi adlandırılır; buna görə layihə "
            "bütövlükdə Azərbaycana aid edilib."
        ),
    },
    "friendship-digital-classrooms-khazar": {
        "title": "Xəzər rayonunda Çin–Azərbaycan Dostluq Rəqəmsal Sinifləri",
        "summary": (
            "Çin Heydər Əliyev Fondu vasitəsilə Bakının Xəzər rayonundakı iki uşaq "
            "evinə Çin istehsalı olan elektron avadanlıq hədiyyə edərək imkanları "
            "məhdud gənclər üçün “Çin–Azərbaycan Dostluq Rəqəmsal Sinifləri” yaradıb."
        ),
    },
    "nakhchivan-distance-learning-216-schools": {
        "title": "Naxçıvanda 216 məktəb üçün məsafədən təhsil avadanlığı",
        "summary": (
            "Çin Naxçıvan Muxtar Respublikasında 216 məktəb üçün məsafədən təhsil "
            "avadanlığını maliyyələşdirərək yerli şagirdlərin təhsil şəraitini "
            "yaxşılaşdırıb; avadanlıq 2025-ci ilin noyabrında keçirilən mərasimdə "
            "təhvil verilib."
        ),
    },
    "malipo-primary-school-playground": {
        "title": (
            "Yunnan əyalətinin Malipo qraflığındakı 2 nömrəli ibtidai məktəb üçün oyun "
            "meydançası"
        ),
        "summary": (
            "Azərbaycan Çinin ucqar dağlıq bölgələrindən birində, Yunnan əyalətinin "
            "Malipo qraflığındakı 2 nömrəli ibtidai məktəb üçün oyun meydançasının "
            "tikintisinə vəsait ayırıb. Müsahibədə oyun meydançasının "
            "tikilib-tikilmədiyi göstərilmir."
        ),
    },
    "trans-caspian-freight-trains-middle-corridor": {
        "title": "Çindən Azərbaycana Transxəzər yük qatarları",
        "summary": (
            "Orta Dəhlizin Transxəzər marşrutu ilə Çindən Azərbaycana yük qatarları: "
            "2025-ci ilin yanvar–noyabr aylarında 351 qatar yola salınıb, 2025-ci ildə "
            "isə Tszinxua və İudan, Pekin və Şençjendən ilk qatarlar hərəkətə başlayıb."
        ),
        "body": (
            "Səfirin sözlərinə görə, Çindən gələn yüklər Orta Dəhliz üçün əsas yük "
            "mənbəyinə çevrilib."
        ),
    },
}

MILESTONES = {
    (
        "byd-electric-bus-plant",
        (
            "300 electric buses manufactured at the plant put into operation in Baku, "
            "Nakhchivan and Karabakh"
        ),
    ): {
        "title": (
            "Zavodda istehsal olunmuş 300 elektrik avtobusu Bakıda, Naxçıvanda və "
            "Qarabağda istismara verilib"
        ),
    },
    (
        "byd-electric-bus-plant",
        "First batch of 50 electric buses produced at the plant delivered",
    ): {
        "title": (
            "Zavodda istehsal olunmuş 50 elektrik avtobusundan ibarət ilk partiya "
            "təhvil verilib"
        ),
    },
    ("wind-power-plant-240-mw", "Wind power plant commissioned"): {
        "title": "Külək elektrik stansiyası istismara verilib",
    },
    (
        "nakhchivan-distance-learning-216-schools",
        "Handover ceremony of the distance-learning equipment",
    ): {
        "title": "Məsafədən təhsil avadanlığının təhvil verilməsi mərasimi",
    },
    (
        "trans-caspian-freight-trains-middle-corridor",
        (
            "First Trans-Caspian freight trains from Jinhua and Yiwu (Zhejiang), "
            "Beijing and Shenzhen put into operation"
        ),
    ): {
        "title": (
            "Tszinxua və İudan (Çjeszyan), Pekin və Şençjendən ilk Transxəzər yük "
            "qatarları işə salınıb"
        ),
    },
}

INDICATORS = {
    "trade-turnover": {
        "name": "Çin–Azərbaycan ticarət dövriyyəsi",
        "description": (
            "ÇXR səfirinin açıqladığı məlumata əsasən Çin ilə Azərbaycan arasında "
            "ticarətin ABŞ dolları ilə dəyəri; müsahibədə hansı statistikaya "
            "əsaslanıldığı göstərilmir. Səfir 2025-ci ilin yekun göstəricisinin yeni "
            "rekord vuracağını və bunun ardıcıl üçüncü rekord il olacağını gözləyirdi."
        ),
    },
    "trans-caspian-freight-trains": {
        "name": "Çindən Azərbaycana Transxəzər yük qatarları",
        "unit": "qatar",
        "description": (
            "ÇXR səfirinin açıqladığı məlumata əsasən Orta Dəhlizin Transxəzər "
            "marşrutu ilə Çindən Azərbaycana yola salınmış yük qatarları."
        ),
    },
    "chinese-tourists": {
        "name": "Azərbaycana gələn Çin turistləri",
        "unit": "turist",
        "description": (
            "ÇXR səfirinin açıqladığı məlumata əsasən Azərbaycana gələn Çin "
            "turistləri; səfir onların sayının artımını vizasız rejimlə əlaqələndirir."
        ),
    },
    "chinese-language-learners": {
        "name": "Azərbaycanda çin dilini öyrənmək üçün qeydiyyatdan keçmiş şəxslər",
        "unit": "nəfər",
        "description": (
            "ÇXR səfirinin açıqladığı məlumata əsasən Azərbaycanda çin dilini öyrənmək "
            "üçün qeydiyyatdan keçmiş şəxslər."
        ),
    },
    "ilham-aliyev-visits-to-china": {
        "name": "Prezident İlham Əliyevin Çinə səfərləri",
        "unit": "səfər",
        "description": (
            "ÇXR səfirinin hesablamasına görə, Prezident İlham Əliyevin 2003-cü ildə "
            "vəzifəyə başladığı vaxtdan bəri Çinə etdiyi səfərlər."
        ),
    },
}

OBSERVATIONS = {
    ("trans-caspian-freight-trains", "2025-01"): {
        "note": (
            "Müsahibədə müqayisə “əvvəlki il” ilə aparılır, lakin eyni ayların nəzərdə "
            "tutulub-tutulmadığı göstərilmir."
        ),
    },
    ("chinese-language-learners", "2026"): {
        "note": "Müsahibə zamanı bildirildiyi kimi",
    },
    ("ilham-aliyev-visits-to-china", "2003"): {
        "note": (
            "2003-cü ildə vəzifəyə başladığı vaxtdan bəri cəmi, müsahibədə "
            "bildirildiyi kimi"
        ),
    },
}


# Where in the interview a quote stands (citation locators), by the English text.
LOCATORS = {
    "Introduction": "Giriş",
    "Q: political dialogue and strategic cooperation": (
        "Sual: siyasi dialoq və strateji əməkdaşlıq"
    ),
    "Q: trade and economic cooperation": "Sual: ticarət-iqtisadi əməkdaşlıq",
    "Q: Azerbaijan's role in the Belt and Road Initiative": (
        "Sual: Azərbaycanın “Bir kəmər, bir yol” təşəbbüsündəki rolu"
    ),
    "Q: cultural, educational and humanitarian cooperation": (
        "Sual: mədəni, təhsil və humanitar əməkdaşlıq"
    ),
    "Q: cooperation within international organisations": (
        "Sual: beynəlxalq təşkilatlar çərçivəsində əməkdaşlıq"
    ),
    "Q: the situation regarding Taiwan": "Sual: Tayvanla bağlı vəziyyət",
}
