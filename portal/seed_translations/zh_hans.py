"""Chinese (Simplified) texts of the seed records, keyed like portal/seed_data.py."""

PLACES = {
    "azerbaijan": {"name": "阿塞拜疆"},
    "china": {"name": "中国"},
    "baku": {"name": "巴库"},
    "khazar-district": {"name": "哈扎尔区"},
    "nakhchivan": {"name": "纳希切万自治共和国"},
    "karabakh": {"name": "卡拉巴赫"},
    "alat-free-economic-zone": {"name": "阿拉特自由经济区"},
    "yunnan": {"name": "云南省"},
    "malipo-county": {"name": "麻栗坡县"},
    "zhejiang": {"name": "浙江省"},
    "jinhua": {"name": "金华"},
    "yiwu": {"name": "义乌"},
    "beijing": {"name": "北京"},
    "shenzhen": {"name": "深圳"},
}

ORGANIZATIONS = {
    "apa": {"name": "APA通讯社", "description": "发表该访谈的阿塞拜疆通讯社。"},
    "government-of-china": {"name": "中华人民共和国政府"},
    "government-of-azerbaijan": {"name": "阿塞拜疆共和国政府"},
    "chinese-embassy-azerbaijan": {
        "name": "中华人民共和国驻阿塞拜疆大使馆",
        "description": "2000年，盖达尔·阿利耶夫与李鹏为该馆现馆舍奠基。",
    },
    "presidential-administration-azerbaijan": {
        "name": "阿塞拜疆共和国总统办公厅",
        "description": "出版了中国与阿塞拜疆建交10周年纪念画册。",
    },
    "azerbaijan-mfa": {"name": "阿塞拜疆外交部"},
    "anama": {
        "name": "阿塞拜疆国家排雷署",
        "acronym": "ANAMA",
        "description": "获得了中国为人道主义排雷提供的资金援助。",
    },
    "milli-majlis": {"name": "国民议会", "description": "阿塞拜疆议会。"},
    "heydar-aliyev-foundation": {
        "name": "盖达尔·阿利耶夫基金会",
        "description": "中国通过该基金会捐赠了“中阿友好数字教室”的设备。",
    },
    "heydar-aliyev-museum-nakhchivan": {
        "name": "纳希切万盖达尔·阿利耶夫博物馆",
    },
    "azerbaijan-university-of-languages": {"name": "阿塞拜疆语言大学"},
    "confucius-institute-aul": {"name": "阿塞拜疆语言大学孔子学院"},
    "byd": {
        "name": "比亚迪",
        "description": "中国企业，阿塞拜疆的电动公交车工厂冠以其名。",
    },
    "npc-standing-committee": {"name": "全国人民代表大会常务委员会"},
    "cppcc": {"name": "中国人民政治协商会议全国委员会", "acronym": "全国政协"},
    "malipo-second-primary-school": {
        "name": "麻栗坡县第二小学",
        "description": "云南省麻栗坡县的一所小学，阿塞拜疆为其拨款修建操场。",
    },
    "united-nations": {"name": "联合国", "acronym": "UN"},
    "unfccc": {
        "name": "《联合国气候变化框架公约》",
        "acronym": "UNFCCC",
        "description": (
            "2024年11月，阿塞拜疆主办了该公约第二十九次缔约方大会（COP29）。"
        ),
    },
    "sco": {
        "name": "上海合作组织",
        "acronym": "上合组织",
        "description": (
            "大使表示，中国和阿塞拜疆在上合组织内相互支持，"
            "中方支持阿塞拜疆成为上合组织成员。"
        ),
    },
    "cica": {
        "name": "亚洲相互协作与信任措施会议",
        "acronym": "亚信",
        "description": "大使表示，中方支持阿塞拜疆担任亚信主席国期间的工作。",
    },
}

SOURCE = {
    "title": "中华人民共和国驻阿塞拜疆大使吕梅就中阿关系接受采访",
    "notes": (
        "中华人民共和国驻阿塞拜疆大使吕梅接受APA通讯社的采访。"
        "原文未注明发表日期：文中称2025年为“去年”，"
        "并将2025年12月24日作为过去的日期提及，据此推断发表年份为2026年。"
        "原文网址未予记录；上述标题是对该访谈的描述，并非其发表时的标题。"
        "英文原文的逐字副本保存在本门户网站的代码库中"
        "（docs/sources/lu-mei-apa-interview.txt）。"
    ),
}

PEOPLE = {
    "lu-mei": {
        "name": "吕梅",
        "honorific": "中华人民共和国驻阿塞拜疆特命全权大使",
        "bio": (
            "中华人民共和国驻阿塞拜疆大使。她接受APA通讯社采访，"
            "谈及中阿关系及未来合作前景。"
        ),
    },
    "heydar-aliyev": {
        "name": "盖达尔·阿利耶夫",
        "honorific": "阿塞拜疆全民族领袖；1993—2003年任阿塞拜疆总统",
        "bio": (
            "1994年访问中国并同江泽民举行会谈；2000年，"
            "时任阿塞拜疆总统的他与李鹏共同为中国驻阿塞拜疆大使馆馆舍奠基。"
        ),
    },
    "ilham-aliyev": {
        "name": "伊利哈姆·阿利耶夫",
        "honorific": "阿塞拜疆总统",
        "bio": (
            "2003年起任阿塞拜疆总统。据该访谈，他曾八次访华，其中2025年两次；"
            "习近平称他是中国人民的老朋友。"
        ),
    },
    "xi-jinping": {"name": "习近平", "honorific": "中华人民共和国主席"},
    "jiang-zemin": {
        "name": "江泽民",
        "honorific": "中华人民共和国主席",
        "bio": "1994年盖达尔·阿利耶夫访华期间同其举行会谈。",
    },
    "li-peng": {
        "name": "李鹏",
        "honorific": "中国全国人民代表大会常务委员会委员长",
        "bio": "2000年与盖达尔·阿利耶夫共同为中国驻阿塞拜疆大使馆馆舍奠基。",
    },
    "su-hui": {
        "name": "苏辉",
        "honorific": "中国人民政治协商会议全国委员会副主席",
    },
    "ali-asadov": {"name": "阿利·阿萨多夫", "honorific": "阿塞拜疆总理"},
    "sahiba-gafarova": {"name": "萨希巴·加法罗娃", "honorific": "国民议会议长"},
    "shahin-mustafayev": {
        "name": "沙欣·穆斯塔法耶夫",
        "honorific": "阿塞拜疆副总理、阿中经贸合作协调人",
    },
    "rafiq-abbasov": {
        "name": "拉菲格·阿巴索夫",
        "honorific": "教授，阿塞拜疆语言大学孔子学院院长",
        "bio": (
            "著有《阿塞拜疆与中国——总统纪事（2003—2025）》一书，"
            "该书发布会于2025年12月24日举行。"
        ),
    },
}

EVENTS = {
    "heydar-aliyev-visit-to-china-1994": {
        "title": "盖达尔·阿利耶夫访华并同江泽民会谈",
        "summary": (
            "阿塞拜疆全民族领袖盖达尔·阿利耶夫访问中国，"
            "同时任中华人民共和国主席江泽民举行会谈。大使称，"
            "此访为中阿关系的发展奠定了基础。"
        ),
    },
    "chinese-embassy-foundation-stone-2000": {
        "title": "中国驻阿塞拜疆大使馆馆舍奠基",
        "summary": (
            "时任阿塞拜疆总统盖达尔·阿利耶夫与"
            "时任中国全国人民代表大会常务委员会委员长李鹏"
            "共同为中国驻阿塞拜疆大使馆如今所在的馆舍奠基。"
        ),
        "body": "访谈未提及城市名称；由于大使馆位于巴库，该事件的地点记为巴库。",
    },
    "cop29-baku-climate-finance-2024": {
        "title": "COP29：中阿两国代表团推进2025年后气候资金目标",
        "summary": (
            "在阿塞拜疆主办的第二十九届联合国气候变化大会（COP29）上，"
            "中国和阿塞拜疆代表团围绕2025年后气候资金目标密切合作。大使称，"
            "大会成果是具有历史意义的“巴库突破”。"
        ),
        "body": "访谈称COP29由阿塞拜疆主办；大会在巴库举行，故地点记为巴库。",
    },
    "ilham-aliyev-state-visit-to-china-april-2025": {
        "title": "伊利哈姆·阿利耶夫对中国进行国事访问并同习近平会谈",
        "summary": (
            "伊利哈姆·阿利耶夫总统访华期间，"
            "同习近平主席共同见证了互免持普通护照人员签证协定的签署。"
            "习近平表示，在涉及彼此核心利益的问题上坚定相互支持，"
            "是两国战略伙伴关系的应有之义。"
        ),
        "body": (
            "访谈称两国元首于2025年签署了关于建立全面战略伙伴关系的联合声明，"
            "但未说明是在哪次访问期间签署；本站将其记为在此次访问期间签署。"
            "阿利耶夫总统由夫人和家人陪同访华，"
            "并重申阿塞拜疆恪守一个中国原则。"
        ),
    },
    "ilham-aliyev-second-visit-to-china-2025": {
        "title": "伊利哈姆·阿利耶夫2025年第二次访华",
        "summary": (
            "2025年，伊利哈姆·阿利耶夫总统第二次访问中国并同习近平主席会见，"
            "再次重申阿塞拜疆恪守一个中国原则。访谈未提及此访的日期和城市。"
        ),
        "body": (
            "与4月访华时一样，阿利耶夫总统由夫人和家人陪同。"
            "访谈未说明此访的性质；本站按访谈所报道的内容，将其记为一次会见。"
        ),
    },
    "su-hui-visit-to-azerbaijan-2025": {
        "title": "全国政协副主席苏辉访问阿塞拜疆",
        "summary": (
            "中国人民政治协商会议全国委员会副主席苏辉访问阿塞拜疆，"
            "同总理阿利·阿萨多夫和国民议会议长萨希巴·加法罗娃"
            "就落实两国元首达成的共识举行会谈。"
        ),
    },
    "shahin-mustafayev-visit-to-china-2025-first": {
        "title": "沙欣·穆斯塔法耶夫访华（2025年两次访华中的第一次）",
        "summary": (
            "阿塞拜疆副总理、"
            "阿中经贸合作协调人沙欣·穆斯塔法耶夫2025年两次访华，"
            "推动务实合作；本条记录为其中第一次访问。"
        ),
        "body": (
            "访谈未提及两次访问的日期，因此两者均只记录年份；"
            "“第一次”和“第二次”按两次访问的先后顺序区分，并非依据已知日期。"
        ),
    },
    "shahin-mustafayev-visit-to-china-2025-second": {
        "title": "沙欣·穆斯塔法耶夫访华（2025年两次访华中的第二次）",
        "summary": (
            "阿塞拜疆副总理、"
            "阿中经贸合作协调人沙欣·穆斯塔法耶夫2025年两次访华，"
            "推动务实合作；本条记录为其中第二次访问。"
        ),
        "body": (
            "访谈未提及两次访问的日期，因此两者均只记录年份；"
            "“第一次”和“第二次”按两次访问的先后顺序区分，并非依据已知日期。"
        ),
    },
    "nakhchivan-distance-learning-handover-2025": {
        "title": "中国出资的远程教育设备在纳希切万交接",
        "summary": (
            "吕梅大使出席在纳希切万自治共和国举行的"
            "中国出资远程教育设备交接仪式，纳希切万216所学校已配备这批设备。"
        ),
    },
    "presidential-chronicle-book-presentation-2025": {
        "title": "《阿塞拜疆与中国——总统纪事（2003—2025）》新书发布会",
        "summary": (
            "吕梅大使出席拉菲格·阿巴索夫教授的新书发布会。"
            "该书记录了伊利哈姆·阿利耶夫就任阿塞拜疆总统以来"
            "中阿关系中的重要事件。"
        ),
        "body": "访谈未说明发布会的举办地点。",
    },
    "azerbaijan-mfa-statement-one-china": {
        "title": "阿塞拜疆外交部重申支持一个中国原则",
        "summary": (
            "美国宣布大规模对台军售后，阿塞拜疆外交部随即发表公开声明，"
            "重申坚定支持一个中国原则，不承认“台湾独立”。"
        ),
        "body": (
            "日期为大致日期。该访谈于2026年进行，只说美方的宣布是在不久前，"
            "阿方声明紧随其后，未给出日期和地点。因此，该声明记为约2025年。"
            "大使还表示，阿塞拜疆是最早公开支持这一立场的国家之一。"
        ),
    },
    "lu-mei-heydar-aliyev-museum-visit": {
        "title": "吕梅大使参观纳希切万盖达尔·阿利耶夫博物馆",
        "summary": (
            "吕梅大使访问纳希切万自治共和国期间参观了盖达尔·阿利耶夫博物馆，"
            "博物馆馆长向她展示了"
            "阿塞拜疆总统办公厅为中阿建交10周年出版的纪念画册。"
        ),
        "body": "该访谈于2026年进行，只说此次参观是在不久前；本站将其记为约2025年。",
    },
    "lu-mei-apa-interview": {
        "title": "吕梅大使就中阿关系接受APA通讯社采访",
        "summary": (
            "中华人民共和国驻阿塞拜疆大使吕梅接受APA通讯社采访，"
            "谈及中阿关系及未来合作前景。"
        ),
        "body": (
            "访谈内容涉及政治对话、贸易和投资、“一带一路”倡议和中间走廊、"
            "文化和教育交流、在国际组织中的合作、"
            "中国共产党第二十届中央委员会第四次全体会议以及台湾问题。"
            "访谈未注明发表日期；文中将2025年称为去年，"
            "据此推断发表年份为2026年。"
        ),
    },
}

PARTICIPATIONS = {
    ("heydar-aliyev-visit-to-china-1994", "heydar-aliyev"): {
        "role": "阿塞拜疆全民族领袖",
    },
    ("heydar-aliyev-visit-to-china-1994", "jiang-zemin"): {
        "role": "时任中华人民共和国主席",
    },
    ("chinese-embassy-foundation-stone-2000", "heydar-aliyev"): {
        "role": "时任阿塞拜疆总统",
    },
    ("chinese-embassy-foundation-stone-2000", "li-peng"): {
        "role": "时任中国全国人民代表大会常务委员会委员长",
    },
    ("ilham-aliyev-state-visit-to-china-april-2025", "ilham-aliyev"): {
        "role": "阿塞拜疆总统",
    },
    ("ilham-aliyev-state-visit-to-china-april-2025", "xi-jinping"): {
        "role": "中华人民共和国主席",
    },
    ("ilham-aliyev-second-visit-to-china-2025", "ilham-aliyev"): {
        "role": "阿塞拜疆总统",
    },
    ("ilham-aliyev-second-visit-to-china-2025", "xi-jinping"): {
        "role": "中华人民共和国主席",
    },
    ("su-hui-visit-to-azerbaijan-2025", "su-hui"): {
        "role": "中国人民政治协商会议全国委员会副主席",
    },
    ("su-hui-visit-to-azerbaijan-2025", "ali-asadov"): {
        "role": "总理",
    },
    ("su-hui-visit-to-azerbaijan-2025", "sahiba-gafarova"): {
        "role": "国民议会议长",
    },
    ("shahin-mustafayev-visit-to-china-2025-first", "shahin-mustafayev"): {
        "role": "副总理、阿中经贸合作协调人",
    },
    ("shahin-mustafayev-visit-to-china-2025-second", "shahin-mustafayev"): {
        "role": "副总理、阿中经贸合作协调人",
    },
    ("nakhchivan-distance-learning-handover-2025", "lu-mei"): {
        "role": "中华人民共和国驻阿塞拜疆大使",
    },
    ("presidential-chronicle-book-presentation-2025", "lu-mei"): {
        "role": "中华人民共和国驻阿塞拜疆大使",
    },
    ("presidential-chronicle-book-presentation-2025", "rafiq-abbasov"): {
        "role": "作者；阿塞拜疆语言大学孔子学院院长",
    },
    ("lu-mei-heydar-aliyev-museum-visit", "lu-mei"): {
        "role": "中华人民共和国驻阿塞拜疆大使",
    },
    ("lu-mei-apa-interview", "lu-mei"): {
        "role": "中华人民共和国驻阿塞拜疆大使",
    },
}

AGREEMENTS = {
    "china-azerbaijan-comprehensive-strategic-partnership-declaration-2025": {
        "title": "中华人民共和国和阿塞拜疆共和国关于建立全面战略伙伴关系的联合声明",
        "summary": (
            "该声明由中阿两国领导人于2025年签署，确立两国全面战略伙伴关系。"
            "阿方在声明中承认只有一个中国，台湾是中国领土不可分割的一部分。"
        ),
        "body": (
            "访谈称两国领导人于2025年签署该声明——"
            "这一年伊利哈姆·阿利耶夫总统两次访华——"
            "但未说明是在哪次访问期间签署；"
            "本站将其记为在2025年4月访问期间签署。"
        ),
    },
    "china-azerbaijan-visa-abolition-agreement-2025": {
        "title": (
            "中华人民共和国政府和阿塞拜疆共和国政府关于互免持普通护照人员签证的协定"
        ),
        "summary": (
            "该协定在伊利哈姆·阿利耶夫总统访华期间签署，两国元首共同见证；"
            "协定免除两国持普通护照人员的签证。大使表示，实行免签后，"
            "两国游客互访人数有所增长。"
        ),
    },
    "humanitarian-demining-memorandum": {
        "title": "关于加强人道主义排雷合作的谅解备忘录",
        "summary": (
            "在中阿两国元首参与下签署的备忘录，"
            "中方据此向阿塞拜疆国家排雷署提供了资金援助。"
            "访谈未说明该备忘录的签署时间和签署人。"
        ),
    },
    "new-energy-projects-cooperation-documents": {
        "title": "关于五个新能源项目的合作文件",
        "summary": (
            "多家中国企业与阿塞拜疆签署了五个新能源项目的合作文件，"
            "项目包括光伏电站和风电站，总装机容量为1570兆瓦。"
            "访谈未提及相关企业名称和签署日期。"
        ),
    },
}

PROJECTS = {
    "byd-electric-bus-plant": {
        "title": "比亚迪阿塞拜疆电动公交车工厂",
        "summary": (
            "访谈称之为“比亚迪阿塞拜疆工厂”的电动公交车工厂。"
            "该厂首批50辆电动公交车已交付，"
            "2025年该厂生产的300辆公交车在巴库、纳希切万和卡拉巴赫投入运营。"
        ),
        "body": (
            "访谈仅称其为“比亚迪阿塞拜疆工厂”，未说明工厂位于何处、"
            "何时投产以及比亚迪在其中承担何种角色，因此将比亚迪列为实施方。"
            "巴库、纳希切万和卡拉巴赫是其公交车的运营地点。"
        ),
    },
    "five-new-energy-projects-1570-mw": {
        "title": "总装机容量1570兆瓦的五个新能源项目",
        "summary": (
            "多家中国企业与阿塞拜疆商定的五个光伏和风电项目，"
            "总装机容量为1570兆瓦。大使表示，这些项目全面投运后，"
            "将使阿塞拜疆的可再生能源发电能力翻一番。"
        ),
        "body": "访谈未提及相关企业名称和项目地点。",
    },
    "wind-power-plant-240-mw": {
        "title": "240兆瓦风电站——阿塞拜疆首个大型风能项目",
        "summary": (
            "阿塞拜疆首个大型风能项目——"
            "由中国企业实施的240兆瓦风电站已投入运营。访谈未提及该企业名称，"
            "因此未记录合作方。"
        ),
    },
    "alat-solar-panel-factory-3-gw": {
        "title": "阿拉特自由经济区3吉瓦太阳能电池板工厂",
        "summary": (
            "中国企业将利用私人资本，"
            "在阿拉特自由经济区建设产能为3吉瓦的太阳能电池板生产项目。"
            "访谈未提及相关企业名称。"
        ),
    },
    "anama-demining-assistance": {
        "title": "中国为阿塞拜疆人道主义排雷提供资金援助",
        "summary": (
            "根据人道主义排雷备忘录，中方向阿塞拜疆国家排雷署（ANAMA）"
            "提供了资金援助，帮助提升解放地区的排雷能力。"
        ),
        "body": (
            "访谈未提及援助金额和时间，对相关区域也只称“解放地区”，"
            "因此该项目的地点记为阿塞拜疆全境。"
        ),
    },
    "friendship-digital-classrooms-khazar": {
        "title": "哈扎尔区中阿友好数字教室",
        "summary": (
            "中方通过盖达尔·阿利耶夫基金会，"
            "向巴库哈扎尔区的两所孤儿院捐赠中国制造的电子设备，"
            "为机会有限的青少年建成“中阿友好数字教室”。"
        ),
    },
    "nakhchivan-distance-learning-216-schools": {
        "title": "为纳希切万216所学校提供远程教育设备",
        "summary": (
            "中方出资为纳希切万自治共和国216所学校配备远程教育设备，"
            "改善了当地学生的学习条件；设备于2025年11月举行仪式交接。"
        ),
    },
    "malipo-primary-school-playground": {
        "title": "云南省麻栗坡县第二小学操场",
        "summary": (
            "阿塞拜疆拨款为地处中国偏远山区的云南省麻栗坡县第二小学修建操场。"
            "访谈未说明操场是否已建成。"
        ),
    },
    "trans-caspian-freight-trains-middle-corridor": {
        "title": "中国至阿塞拜疆跨里海货运班列",
        "summary": (
            "经中间走廊跨里海线路从中国开往阿塞拜疆的货运班列："
            "2025年1—11月共发送351列；2025年，自金华和义乌、北京、"
            "深圳始发的首批班列开始运行。"
        ),
        "body": "大使表示，来自中国的货物已成为中间走廊的主要货源。",
    },
}

MILESTONES = {
    (
        "byd-electric-bus-plant",
        (
            "300 electric buses manufactured at the plant put into operation "
            "in Baku, Nakhchivan and Karabakh"
        ),
    ): {
        "title": "该厂生产的300辆电动公交车在巴库、纳希切万和卡拉巴赫投入运营",
    },
    (
        "byd-electric-bus-plant",
        "First batch of 50 electric buses produced at the plant delivered",
    ): {
        "title": "该厂生产的首批50辆电动公交车交付",
    },
    ("wind-power-plant-240-mw", "Wind power plant commissioned"): {
        "title": "风电站投入运营",
    },
    (
        "nakhchivan-distance-learning-216-schools",
        "Handover ceremony of the distance-learning equipment",
    ): {
        "title": "远程教育设备交接仪式",
    },
    (
        "trans-caspian-freight-trains-middle-corridor",
        (
            "First Trans-Caspian freight trains from Jinhua and Yiwu "
            "(Zhejiang), Beijing and Shenzhen put into operation"
        ),
    ): {
        "title": "自浙江金华和义乌以及北京、深圳始发的首批跨里海货运班列开行",
    },
}

INDICATORS = {
    "trade-turnover": {
        "name": "中阿贸易额",
        "description": (
            "中国与阿塞拜疆之间的贸易额，以美元计，"
            "数据由中华人民共和国驻阿塞拜疆大使提供；"
            "访谈未说明所依据的统计来源。她预计2025年全年数据将创下新纪录，"
            "成为连续第三个创纪录的年份。"
        ),
    },
    "trans-caspian-freight-trains": {
        "name": "中国至阿塞拜疆跨里海货运班列数量",
        "unit": "列",
        "description": (
            "经中间走廊跨里海线路从中国发往阿塞拜疆的货运班列，"
            "数据由中华人民共和国驻阿塞拜疆大使提供。"
        ),
    },
    "chinese-tourists": {
        "name": "赴阿塞拜疆的中国游客人数",
        "unit": "人次",
        "description": (
            "赴阿塞拜疆的中国游客人次，"
            "数据由中华人民共和国驻阿塞拜疆大使提供；"
            "她将游客人数的增长与免签政策联系在一起。"
        ),
    },
    "chinese-language-learners": {
        "name": "在阿塞拜疆注册学习中文的人数",
        "unit": "人",
        "description": (
            "在阿塞拜疆注册学习中文的人员，数据由中华人民共和国驻阿塞拜疆大使提供。"
        ),
    },
    "ilham-aliyev-visits-to-china": {
        "name": "伊利哈姆·阿利耶夫总统访华次数",
        "unit": "次",
        "description": (
            "伊利哈姆·阿利耶夫总统自2003年就任以来访华的次数，"
            "按中华人民共和国驻阿塞拜疆大使的统计。"
        ),
    },
}

OBSERVATIONS = {
    ("trans-caspian-freight-trains", "2025-01"): {
        "note": "访谈以“上一年”作比较，但未说明是否指同期月份。",
    },
    ("chinese-language-learners", "2026"): {
        "note": "据访谈时所述",
    },
    ("ilham-aliyev-visits-to-china", "2003"): {
        "note": "据访谈所述，为其2003年就任以来的累计次数",
    },
}


# Where in the interview a quote stands (citation locators), by the English text.
LOCATORS = {
    "Introduction": "导语",
    "Q: political dialogue and strategic cooperation": "问：政治对话与战略合作",
    "Q: trade and economic cooperation": "问：经贸合作",
    "Q: Azerbaijan's role in the Belt and Road Initiative": (
        "问：阿塞拜疆在“一带一路”倡议中的作用"
    ),
    "Q: cultural, educational and humanitarian cooperation": "问：人文、教育合作",
    "Q: cooperation within international organisations": "问：在国际组织中的合作",
    "Q: the situation regarding Taiwan": "问：台湾问题",
}
