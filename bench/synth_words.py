"""Word lists and sentence templates for bench/synth.py, each as a triple of
(English, Azerbaijani, Chinese).

Templates are str.format patterns whose slots ({city}, {topic}, {org}…) are
filled with triples in the same language. Azerbaijani templates avoid case
endings after a slot ("{city} şəhərində", "{topic} sahəsində"), so that any name
fits; years take their ordinal ending from synth.az_ordinal ("2019-cu").
Nothing here describes a real event: the names of places, ministries and
international organisations are real reference data, everything else is made up.
"""

# Places -------------------------------------------------------------------------
# (ISO code, names, Azerbaijani genitive and locative forms, (lat, lon), parts).
# A region or city is (kind, names, (lat, lon), weight, parts): the weight is how
# often events happen in a city, relative to the others (regions carry none of
# their own). A district or site is (kind, names, (lat, lon)), with its parts
# after that when it has any.
COUNTRIES = [
    (
        "AZ",
        ("Azerbaijan", "Azərbaycan", "阿塞拜疆"),
        ("Azərbaycanın", "Azərbaycandakı"),
        (40.3, 47.7),
        [
            (
                "city",
                ("Baku", "Bakı", "巴库"),
                (40.4093, 49.8671),
                60,
                [
                    (
                        "district",
                        ("Sabail", "Səbail", "萨巴伊尔区"),
                        (40.3617, 49.8361),
                    ),
                    ("district", ("Nasimi", "Nəsimi", "纳西米区"), (40.3870, 49.8290)),
                    (
                        "district",
                        ("Yasamal", "Yasamal", "亚萨马尔区"),
                        (40.3850, 49.8060),
                    ),
                    (
                        "district",
                        ("Narimanov", "Nərimanov", "纳里曼诺夫区"),
                        (40.4060, 49.8700),
                    ),
                    ("district", ("Khatai", "Xətai", "哈泰区"), (40.3870, 49.9320)),
                    (
                        "district",
                        ("Binagadi", "Binəqədi", "比纳加迪区"),
                        (40.4660, 49.8280),
                    ),
                    (
                        "district",
                        ("Sabunchu", "Sabunçu", "萨本楚区"),
                        (40.4430, 49.9480),
                    ),
                    ("district", ("Khazar", "Xəzər", "哈扎尔区"), (40.4400, 50.1500)),
                    (
                        "district",
                        ("Garadagh", "Qaradağ", "卡拉达格区"),
                        (40.2270, 49.5560),
                        [
                            (
                                "site",
                                (
                                    "Alat Free Economic Zone",
                                    "Ələt Azad İqtisadi Zonası",
                                    "阿拉特自由经济区",
                                ),
                                (39.9570, 49.4070),
                            ),
                            (
                                "site",
                                (
                                    "Baku International Sea Trade Port",
                                    "Bakı Beynəlxalq Dəniz Ticarət Limanı",
                                    "巴库国际海港",
                                ),
                                (39.9860, 49.4240),
                            ),
                        ],
                    ),
                ],
            ),
            (
                "region",
                ("Absheron-Khizi", "Abşeron-Xızı", "阿布歇伦-希兹"),
                (40.55, 49.55),
                0,
                [
                    (
                        "city",
                        ("Sumgait", "Sumqayıt", "苏姆盖特"),
                        (40.5897, 49.6686),
                        8,
                    ),
                    (
                        "city",
                        ("Khirdalan", "Xırdalan", "希尔达兰"),
                        (40.4481, 49.7553),
                        2,
                    ),
                    ("city", ("Khizi", "Xızı", "希兹"), (40.9100, 49.0700), 1),
                ],
            ),
            (
                "region",
                ("Ganja-Dashkasan", "Gəncə-Daşkəsən", "占贾-达什克桑"),
                (40.60, 46.20),
                0,
                [
                    ("city", ("Ganja", "Gəncə", "占贾"), (40.6828, 46.3606), 8),
                    ("city", ("Goygol", "Göygöl", "格伊格尔"), (40.5860, 46.3160), 1),
                    (
                        "city",
                        ("Naftalan", "Naftalan", "纳夫塔兰"),
                        (40.5067, 46.8250),
                        1,
                    ),
                    (
                        "city",
                        ("Dashkasan", "Daşkəsən", "达什克桑"),
                        (40.5200, 46.0800),
                        1,
                    ),
                ],
            ),
            (
                "region",
                ("Shaki-Zagatala", "Şəki-Zaqatala", "舍基-扎卡塔拉"),
                (41.40, 46.80),
                0,
                [
                    ("city", ("Shaki", "Şəki", "舍基"), (41.1975, 47.1571), 3),
                    (
                        "city",
                        ("Zagatala", "Zaqatala", "扎卡塔拉"),
                        (41.6331, 46.6433),
                        1,
                    ),
                    ("city", ("Gabala", "Qəbələ", "加巴拉"), (40.9981, 47.8450), 3),
                    ("city", ("Oghuz", "Oğuz", "奥古兹"), (41.0700, 47.4600), 1),
                ],
            ),
            (
                "region",
                ("Lankaran-Astara", "Lənkəran-Astara", "连科兰-阿斯塔拉"),
                (38.80, 48.60),
                0,
                [
                    ("city", ("Lankaran", "Lənkəran", "连科兰"), (38.7543, 48.8506), 3),
                    ("city", ("Astara", "Astara", "阿斯塔拉"), (38.4560, 48.8750), 2),
                    ("city", ("Masalli", "Masallı", "马萨利"), (39.0341, 48.6656), 1),
                ],
            ),
            (
                "region",
                ("Guba-Khachmaz", "Quba-Xaçmaz", "古巴-哈奇马兹"),
                (41.40, 48.50),
                0,
                [
                    ("city", ("Guba", "Quba", "古巴"), (41.3611, 48.5134), 2),
                    ("city", ("Khachmaz", "Xaçmaz", "哈奇马兹"), (41.4635, 48.8060), 1),
                    ("city", ("Gusar", "Qusar", "古萨尔"), (41.4275, 48.4302), 1),
                ],
            ),
            (
                "region",
                ("Central Aran", "Mərkəzi Aran", "中阿兰"),
                (40.60, 47.20),
                0,
                [
                    (
                        "city",
                        ("Mingachevir", "Mingəçevir", "明盖恰乌尔"),
                        (40.7703, 47.0496),
                        3,
                    ),
                    ("city", ("Yevlakh", "Yevlax", "叶夫拉赫"), (40.6172, 47.1500), 1),
                    ("city", ("Agdash", "Ağdaş", "阿格达什"), (40.6500, 47.4800), 1),
                ],
            ),
            (
                "region",
                ("Shirvan-Salyan", "Şirvan-Salyan", "希尔万-萨利扬"),
                (39.80, 48.90),
                0,
                [
                    ("city", ("Shirvan", "Şirvan", "希尔万"), (39.9319, 48.9203), 2),
                    ("city", ("Salyan", "Salyan", "萨利扬"), (39.5779, 48.9719), 1),
                    (
                        "city",
                        ("Neftchala", "Neftçala", "涅夫特恰拉"),
                        (39.3800, 49.2500),
                        1,
                    ),
                ],
            ),
            (
                "region",
                ("Mountainous Shirvan", "Dağlıq Şirvan", "山地希尔万"),
                (40.70, 48.50),
                0,
                [
                    ("city", ("Shamakhi", "Şamaxı", "沙马基"), (40.6314, 48.6364), 2),
                    (
                        "city",
                        ("Ismayilli", "İsmayıllı", "伊斯梅利"),
                        (40.7900, 48.1500),
                        1,
                    ),
                ],
            ),
            (
                "region",
                ("Gazakh-Tovuz", "Qazax-Tovuz", "加扎赫-托武兹"),
                (41.00, 45.60),
                0,
                [
                    ("city", ("Gazakh", "Qazax", "加扎赫"), (41.0933, 45.3661), 1),
                    ("city", ("Tovuz", "Tovuz", "托武兹"), (40.9925, 45.6284), 1),
                    ("city", ("Shamkir", "Şəmkir", "沙姆基尔"), (40.8298, 46.0170), 2),
                ],
            ),
            (
                "region",
                ("Karabakh", "Qarabağ", "卡拉巴赫"),
                (39.80, 46.90),
                0,
                [
                    (
                        "city",
                        ("Khankendi", "Xankəndi", "汉肯季"),
                        (39.8265, 46.7656),
                        3,
                    ),
                    ("city", ("Shusha", "Şuşa", "舒沙"), (39.7583, 46.7486), 5),
                    ("city", ("Aghdam", "Ağdam", "阿格达姆"), (39.9911, 46.9297), 2),
                    ("city", ("Fuzuli", "Füzuli", "富祖利"), (39.6003, 47.1431), 2),
                ],
            ),
            (
                "region",
                ("East Zangezur", "Şərqi Zəngəzur", "东赞格祖尔"),
                (39.40, 46.50),
                0,
                [
                    ("city", ("Lachin", "Laçın", "拉钦"), (39.6383, 46.5461), 1),
                    ("city", ("Zangilan", "Zəngilan", "赞格兰"), (39.0857, 46.6525), 2),
                    (
                        "city",
                        ("Jabrayil", "Cəbrayıl", "杰布拉伊尔"),
                        (39.3999, 47.0245),
                        1,
                    ),
                    (
                        "city",
                        ("Kalbajar", "Kəlbəcər", "卡尔巴贾尔"),
                        (40.1000, 46.0400),
                        1,
                    ),
                ],
            ),
            (
                "region",
                (
                    "Nakhchivan Autonomous Republic",
                    "Naxçıvan Muxtar Respublikası",
                    "纳希切万自治共和国",
                ),
                (39.30, 45.40),
                0,
                [
                    (
                        "city",
                        ("Nakhchivan", "Naxçıvan", "纳希切万"),
                        (39.2089, 45.4122),
                        3,
                    ),
                    (
                        "city",
                        ("Ordubad", "Ordubad", "奥尔杜巴德"),
                        (38.9000, 46.0200),
                        1,
                    ),
                    ("city", ("Julfa", "Culfa", "朱利法"), (38.9560, 45.6300), 1),
                ],
            ),
        ],
    ),
    (
        "CN",
        ("China", "Çin", "中国"),
        ("Çinin", "Çindəki"),
        (35.0, 103.0),
        [
            (
                "city",
                ("Beijing", "Pekin", "北京"),
                (39.9042, 116.4074),
                35,
                [
                    (
                        "district",
                        ("Dongcheng", "Dunçen", "东城区"),
                        (39.9289, 116.4160),
                    ),
                    ("district", ("Xicheng", "Siçen", "西城区"), (39.9123, 116.3660)),
                    ("district", ("Chaoyang", "Çaoyan", "朝阳区"), (39.9215, 116.4431)),
                    ("district", ("Haidian", "Xaydyan", "海淀区"), (39.9590, 116.2981)),
                    ("district", ("Fengtai", "Fıntay", "丰台区"), (39.8585, 116.2870)),
                ],
            ),
            (
                "city",
                ("Shanghai", "Şanxay", "上海"),
                (31.2304, 121.4737),
                12,
                [
                    ("district", ("Pudong", "Pudun", "浦东新区"), (31.2214, 121.5447)),
                    ("district", ("Huangpu", "Xuanpu", "黄浦区"), (31.2317, 121.4846)),
                    ("district", ("Xuhui", "Süyxuy", "徐汇区"), (31.1886, 121.4365)),
                ],
            ),
            ("city", ("Tianjin", "Tyanszin", "天津"), (39.3434, 117.3616), 3, []),
            ("city", ("Chongqing", "Çunsin", "重庆"), (29.5630, 106.5516), 3, []),
            (
                "region",
                (
                    "Xinjiang Uygur Autonomous Region",
                    "Sincan-Uyğur Muxtar Rayonu",
                    "新疆维吾尔自治区",
                ),
                (41.10, 85.20),
                0,
                [
                    ("city", ("Urumqi", "Urumçi", "乌鲁木齐"), (43.8256, 87.6168), 6),
                    ("city", ("Kashgar", "Kaşqar", "喀什"), (39.4704, 75.9898), 2),
                    ("city", ("Khorgos", "Xorqos", "霍尔果斯"), (44.2140, 80.4167), 3),
                ],
            ),
            (
                "region",
                ("Shaanxi", "Şənsi", "陕西"),
                (35.20, 108.90),
                0,
                [
                    ("city", ("Xi'an", "Sian", "西安"), (34.3416, 108.9398), 5),
                    ("city", ("Xianyang", "Syanyan", "咸阳"), (34.3296, 108.7093), 1),
                ],
            ),
            (
                "region",
                ("Gansu", "Qansu", "甘肃"),
                (37.80, 101.50),
                0,
                [
                    ("city", ("Lanzhou", "Lançjou", "兰州"), (36.0611, 103.8343), 2),
                    ("city", ("Dunhuang", "Dunxuan", "敦煌"), (40.1421, 94.6620), 1),
                ],
            ),
            (
                "region",
                ("Zhejiang", "Çjeszyan", "浙江"),
                (29.20, 120.10),
                0,
                [
                    ("city", ("Hangzhou", "Xançjou", "杭州"), (30.2741, 120.1551), 4),
                    ("city", ("Ningbo", "Ninbo", "宁波"), (29.8683, 121.5440), 2),
                    ("city", ("Yiwu", "İvu", "义乌"), (29.3069, 120.0750), 2),
                ],
            ),
            (
                "region",
                ("Jiangsu", "Szyansu", "江苏"),
                (32.90, 119.40),
                0,
                [
                    ("city", ("Nanjing", "Nankin", "南京"), (32.0603, 118.7969), 3),
                    ("city", ("Suzhou", "Suçjou", "苏州"), (31.2990, 120.5853), 2),
                    (
                        "city",
                        ("Lianyungang", "Lyanyunqan", "连云港"),
                        (34.5967, 119.2216),
                        2,
                    ),
                ],
            ),
            (
                "region",
                ("Guangdong", "Quandun", "广东"),
                (23.40, 113.40),
                0,
                [
                    ("city", ("Guangzhou", "Quançjou", "广州"), (23.1291, 113.2644), 4),
                    ("city", ("Shenzhen", "Şençjen", "深圳"), (22.5431, 114.0579), 4),
                ],
            ),
            (
                "region",
                ("Shandong", "Şandun", "山东"),
                (36.30, 118.00),
                0,
                [
                    ("city", ("Jinan", "Szinan", "济南"), (36.6512, 117.1201), 1),
                    ("city", ("Qingdao", "Sindao", "青岛"), (36.0671, 120.3826), 2),
                ],
            ),
            (
                "region",
                ("Sichuan", "Siçuan", "四川"),
                (30.60, 102.70),
                0,
                [("city", ("Chengdu", "Çendu", "成都"), (30.5728, 104.0668), 3)],
            ),
            (
                "region",
                ("Hubei", "Xubey", "湖北"),
                (30.90, 112.20),
                0,
                [("city", ("Wuhan", "Uxan", "武汉"), (30.5928, 114.3055), 2)],
            ),
            (
                "region",
                ("Henan", "Xenan", "河南"),
                (33.90, 113.50),
                0,
                [("city", ("Zhengzhou", "Çjençjou", "郑州"), (34.7466, 113.6254), 1)],
            ),
            (
                "region",
                ("Fujian", "Fuszyan", "福建"),
                (26.10, 118.00),
                0,
                [
                    ("city", ("Xiamen", "Syamin", "厦门"), (24.4798, 118.0894), 1),
                    ("city", ("Fuzhou", "Fuçjou", "福州"), (26.0745, 119.2965), 1),
                ],
            ),
            (
                "region",
                ("Hainan", "Xaynan", "海南"),
                (19.20, 109.70),
                0,
                [
                    ("city", ("Haikou", "Xaykou", "海口"), (20.0440, 110.1999), 1),
                    ("city", ("Sanya", "Sanya", "三亚"), (18.2528, 109.5119), 1),
                ],
            ),
            (
                "region",
                ("Yunnan", "Yunnan", "云南"),
                (24.90, 101.50),
                0,
                [("city", ("Kunming", "Kunmin", "昆明"), (25.0389, 102.7183), 1)],
            ),
        ],
    ),
    (
        "KZ",
        ("Kazakhstan", "Qazaxıstan", "哈萨克斯坦"),
        ("Qazaxıstanın", "Qazaxıstandakı"),
        (48.0, 67.0),
        [
            ("city", ("Astana", "Astana", "阿斯塔纳"), (51.1694, 71.4491), 3, []),
            ("city", ("Almaty", "Almatı", "阿拉木图"), (43.2220, 76.8512), 2, []),
            ("city", ("Aktau", "Aktau", "阿克套"), (43.6410, 51.1980), 2, []),
        ],
    ),
    (
        "GE",
        ("Georgia", "Gürcüstan", "格鲁吉亚"),
        ("Gürcüstanın", "Gürcüstandakı"),
        (42.3, 43.4),
        [
            ("city", ("Tbilisi", "Tbilisi", "第比利斯"), (41.7151, 44.8271), 2, []),
            ("city", ("Batumi", "Batumi", "巴统"), (41.6168, 41.6367), 1, []),
            ("city", ("Poti", "Poti", "波季"), (42.1460, 41.6710), 1, []),
        ],
    ),
    (
        "TR",
        ("Türkiye", "Türkiyə", "土耳其"),
        ("Türkiyənin", "Türkiyədəki"),
        (39.0, 35.2),
        [
            ("city", ("Istanbul", "İstanbul", "伊斯坦布尔"), (41.0082, 28.9784), 2, []),
            ("city", ("Ankara", "Ankara", "安卡拉"), (39.9334, 32.8597), 1, []),
            ("city", ("Kars", "Qars", "卡尔斯"), (40.6013, 43.0975), 1, []),
        ],
    ),
    (
        "UZ",
        ("Uzbekistan", "Özbəkistan", "乌兹别克斯坦"),
        ("Özbəkistanın", "Özbəkistandakı"),
        (41.4, 64.6),
        [
            ("city", ("Tashkent", "Daşkənd", "塔什干"), (41.2995, 69.2401), 2, []),
            ("city", ("Samarkand", "Səmərqənd", "撒马尔罕"), (39.6270, 66.9750), 2, []),
        ],
    ),
    (
        "TM",
        ("Turkmenistan", "Türkmənistan", "土库曼斯坦"),
        ("Türkmənistanın", "Türkmənistandakı"),
        (39.0, 59.6),
        [
            ("city", ("Ashgabat", "Aşqabad", "阿什哈巴德"), (37.9601, 58.3261), 1, []),
            (
                "city",
                ("Turkmenbashi", "Türkmənbaşı", "土库曼巴希"),
                (40.0220, 52.9550),
                1,
                [],
            ),
        ],
    ),
    (
        "RU",
        ("Russia", "Rusiya", "俄罗斯"),
        ("Rusiyanın", "Rusiyadakı"),
        (61.5, 105.3),
        [("city", ("Moscow", "Moskva", "莫斯科"), (55.7558, 37.6173), 2, [])],
    ),
    (
        "KG",
        ("Kyrgyzstan", "Qırğızıstan", "吉尔吉斯斯坦"),
        ("Qırğızıstanın", "Qırğızıstandakı"),
        (41.2, 74.8),
        [("city", ("Bishkek", "Bişkek", "比什凯克"), (42.8746, 74.5698), 1, [])],
    ),
    (
        "AE",
        ("United Arab Emirates", "Birləşmiş Ərəb Əmirlikləri", "阿拉伯联合酋长国"),
        ("Birləşmiş Ərəb Əmirliklərinin", "Birləşmiş Ərəb Əmirliklərindəki"),
        (23.4, 53.8),
        [("city", ("Dubai", "Dubay", "迪拜"), (25.2048, 55.2708), 1, [])],
    ),
    (
        "CH",
        ("Switzerland", "İsveçrə", "瑞士"),
        ("İsveçrənin", "İsveçrədəki"),
        (46.8, 8.2),
        [("city", ("Geneva", "Cenevrə", "日内瓦"), (46.2044, 6.1432), 1, [])],
    ),
    (
        "EG",
        ("Egypt", "Misir", "埃及"),
        ("Misirin", "Misirdəki"),
        (26.8, 30.8),
        [
            (
                "city",
                ("Sharm El Sheikh", "Şarm-əş-Şeyx", "沙姆沙伊赫"),
                (27.9158, 34.3300),
                1,
                [],
            )
        ],
    ),
    (
        "PK",
        ("Pakistan", "Pakistan", "巴基斯坦"),
        ("Pakistanın", "Pakistandakı"),
        (30.4, 69.3),
        [("city", ("Islamabad", "İslamabad", "伊斯兰堡"), (33.6844, 73.0479), 1, [])],
    ),
]

# Sites added to a city in the large data set: stations, parks, campuses.
SITES = [
    ("{city} railway station", "{city} dəmir yolu vağzalı", "{city}火车站"),
    (
        "{city} international airport",
        "{city} beynəlxalq hava limanı",
        "{city}国际机场",
    ),
    ("{city} industrial park", "{city} sənaye parkı", "{city}工业园"),
    ("{city} exhibition centre", "{city} sərgi mərkəzi", "{city}会展中心"),
    ("{city} logistics centre", "{city} logistika mərkəzi", "{city}物流中心"),
    ("{city} congress hall", "{city} konqres zalı", "{city}会议厅"),
]

# Topics ---------------------------------------------------------------------------
# Lower case, to stand inside a sentence ("talks on {topic} cooperation").
TOPICS = [
    ("energy", "enerji", "能源"),
    ("renewable energy", "bərpa olunan enerji", "可再生能源"),
    ("transport and logistics", "nəqliyyat və logistika", "交通物流"),
    ("trade", "ticarət", "贸易"),
    ("investment", "investisiya", "投资"),
    ("education", "təhsil", "教育"),
    ("culture", "mədəniyyət", "文化"),
    ("tourism", "turizm", "旅游"),
    ("digital economy", "rəqəmsal iqtisadiyyat", "数字经济"),
    ("health", "səhiyyə", "卫生"),
    ("agriculture", "kənd təsərrüfatı", "农业"),
    ("science and technology", "elm və texnologiya", "科技"),
    ("humanitarian demining", "humanitar minatəmizləmə", "人道主义排雷"),
    ("media", "media", "媒体"),
    ("customs", "gömrük", "海关"),
    ("civil aviation", "mülki aviasiya", "民航"),
    ("water management", "su təsərrüfatı", "水利"),
    ("youth exchanges", "gənclər mübadiləsi", "青年交流"),
]

# What equipment is handed over or supplied for, lower case.
EQUIPMENT = [
    ("energy", "enerji", "能源"),
    ("medical", "tibbi", "医疗"),
    ("demining", "minatəmizləmə", "排雷"),
    ("customs inspection", "gömrük yoxlaması", "海关查验"),
    ("railway", "dəmir yolu", "铁路"),
    ("telecommunications", "telekommunikasiya", "通信"),
    ("firefighting", "yanğınsöndürmə", "消防"),
    ("laboratory", "laboratoriya", "实验室"),
    ("irrigation", "suvarma", "灌溉"),
]

# Products for trade projects, lower case.
PRODUCTS = [
    ("pomegranates", "nar", "石榴"),
    ("tea", "çay", "茶叶"),
    ("hazelnuts", "fındıq", "榛子"),
    ("wine", "şərab", "葡萄酒"),
    ("carpets", "xalça", "地毯"),
    ("cotton", "pambıq", "棉花"),
    ("electronics", "elektronika", "电子产品"),
    ("machinery", "maşın və avadanlıq", "机械设备"),
]

# People ---------------------------------------------------------------------------
AZ_MALE_NAMES = [
    ("Ali", "Əli", "阿里"),
    ("Elchin", "Elçin", "埃尔钦"),
    ("Rashad", "Rəşad", "拉沙德"),
    ("Jeyhun", "Ceyhun", "杰伊洪"),
    ("Farid", "Fərid", "法里德"),
    ("Vugar", "Vüqar", "武加尔"),
    ("Shahin", "Şahin", "沙欣"),
    ("Samir", "Samir", "萨米尔"),
    ("Tural", "Tural", "图拉尔"),
    ("Orkhan", "Orxan", "奥尔汗"),
    ("Kamran", "Kamran", "卡姆兰"),
    ("Zaur", "Zaur", "扎乌尔"),
    ("Elnur", "Elnur", "埃尔努尔"),
    ("Rauf", "Rauf", "劳夫"),
    ("Fuad", "Fuad", "福阿德"),
    ("Anar", "Anar", "阿纳尔"),
    ("Javid", "Cavid", "贾维德"),
    ("Khayal", "Xəyal", "哈亚尔"),
    ("Ramil", "Ramil", "拉米尔"),
    ("Toghrul", "Toğrul", "托格鲁尔"),
    ("Ilkin", "İlkin", "伊尔金"),
    ("Emin", "Emin", "埃明"),
]
# Women's surnames end in -a (Məmmədova, 马梅多娃): see synth.feminine().
AZ_FEMALE_NAMES = [
    ("Nigar", "Nigar", "尼加尔"),
    ("Gunay", "Günay", "古娜伊"),
    ("Leyla", "Leyla", "莱拉"),
    ("Aygun", "Aygün", "艾贡"),
    ("Aynur", "Aynur", "艾努尔"),
    ("Sabina", "Səbinə", "萨比娜"),
    ("Ulviyya", "Ülviyyə", "乌利维娅"),
    ("Gulnar", "Gülnar", "古尔娜尔"),
    ("Narmin", "Nərmin", "纳尔敏"),
    ("Konul", "Könül", "柯努尔"),
    ("Arzu", "Arzu", "阿尔祖"),
    ("Asmar", "Əsmər", "阿斯马尔"),
    ("Ayten", "Aytən", "艾滕"),
    ("Sevda", "Sevda", "塞夫达"),
]
AZ_SURNAMES = [
    ("Mammadov", "Məmmədov", "马梅多夫"),
    ("Hasanov", "Həsənov", "哈萨诺夫"),
    ("Huseynov", "Hüseynov", "胡谢伊诺夫"),
    ("Guliyev", "Quliyev", "古利耶夫"),
    ("Ismayilov", "İsmayılov", "伊斯梅洛夫"),
    ("Rzayev", "Rzayev", "尔扎耶夫"),
    ("Jafarov", "Cəfərov", "贾法罗夫"),
    ("Abbasov", "Abbasov", "阿巴索夫"),
    ("Babayev", "Babayev", "巴巴耶夫"),
    ("Nasirov", "Nəsirov", "纳西罗夫"),
    ("Gasimov", "Qasımov", "加西莫夫"),
    ("Suleymanov", "Süleymanov", "苏莱曼诺夫"),
    ("Orujov", "Orucov", "奥鲁乔夫"),
    ("Karimov", "Kərimov", "卡里莫夫"),
    ("Ahmadov", "Əhmədov", "艾哈迈多夫"),
    ("Shirinov", "Şirinov", "希里诺夫"),
    ("Bagirov", "Bağırov", "巴吉罗夫"),
    ("Valiyev", "Vəliyev", "瓦利耶夫"),
    ("Zeynalov", "Zeynalov", "泽伊纳洛夫"),
    ("Sadigov", "Sadıqov", "萨迪戈夫"),
    ("Rahimov", "Rəhimov", "拉希莫夫"),
    ("Musayev", "Musayev", "穆萨耶夫"),
    ("Askarov", "Əsgərov", "阿斯卡罗夫"),
    ("Nabiyev", "Nəbiyev", "纳比耶夫"),
    ("Hajiyev", "Hacıyev", "哈吉耶夫"),
    ("Taghiyev", "Tağıyev", "塔吉耶夫"),
    ("Mirzayev", "Mirzəyev", "米尔扎耶夫"),
    ("Sultanov", "Sultanov", "苏尔坦诺夫"),
    ("Novruzov", "Novruzov", "诺夫鲁佐夫"),
    ("Yusifov", "Yusifov", "尤西福夫"),
]
CN_SURNAMES = [
    ("Wang", "Van", "王"),
    ("Li", "Li", "李"),
    ("Zhang", "Çjan", "张"),
    ("Liu", "Lyu", "刘"),
    ("Chen", "Çen", "陈"),
    ("Yang", "Yan", "杨"),
    ("Zhao", "Çjao", "赵"),
    ("Huang", "Xuan", "黄"),
    ("Zhou", "Çjou", "周"),
    ("Wu", "U", "吴"),
    ("Xu", "Sü", "徐"),
    ("Sun", "Sun", "孙"),
    ("Hu", "Xu", "胡"),
    ("Zhu", "Çju", "朱"),
    ("Gao", "Qao", "高"),
    ("Lin", "Lin", "林"),
    ("He", "Xe", "何"),
    ("Guo", "Quo", "郭"),
    ("Ma", "Ma", "马"),
    ("Luo", "Luo", "罗"),
    ("Song", "Sun", "宋"),
    ("Tang", "Tan", "唐"),
]
CN_GIVEN_NAMES = [
    ("Wei", "Vey", "伟"),
    ("Fang", "Fan", "芳"),
    ("Min", "Min", "敏"),
    ("Jing", "Szin", "静"),
    ("Lei", "Ley", "磊"),
    ("Yang", "Yan", "洋"),
    ("Jun", "Szyun", "军"),
    ("Hong", "Xun", "红"),
    ("Hui", "Xuy", "辉"),
    ("Tao", "Tao", "涛"),
    ("Ming", "Min", "明"),
    ("Chao", "Çao", "超"),
    ("Xiulan", "Syulan", "秀兰"),
    ("Guoqiang", "Quosyan", "国强"),
    ("Jianhua", "Szyanxua", "建华"),
    ("Haiyan", "Xayyan", "海燕"),
    ("Xiaoming", "Syaomin", "晓明"),
    ("Zhiwei", "Çjivey", "志伟"),
    ("Lina", "Lina", "丽娜"),
    ("Yuhang", "Yuyxan", "宇航"),
    ("Jiayi", "Szyayi", "佳怡"),
    ("Wenjie", "Vınsze", "文杰"),
    ("Xiaohong", "Syaoxun", "晓红"),
    ("Dongmei", "Dunmey", "冬梅"),
    ("Haitao", "Xaytao", "海涛"),
    ("Yufei", "Yuyfey", "雨菲"),
    ("Chenxi", "Çensi", "晨曦"),
    ("Zihan", "Szıxan", "子涵"),
]
# People from the other countries: one name list for all of them.
OTHER_FIRST_NAMES = [
    ("Aibek", "Aybək", "艾别克"),
    ("Giorgi", "Giorgi", "格奥尔吉"),
    ("Mehmet", "Mehmet", "穆罕默德"),
    ("Timur", "Teymur", "帖木儿"),
    ("Nodira", "Nodira", "诺迪拉"),
    ("Elena", "Yelena", "叶莲娜"),
    ("Daniyar", "Daniyar", "达尼亚尔"),
    ("Ayse", "Ayşe", "阿伊谢"),
]
OTHER_SURNAMES = [
    ("Nurlanov", "Nurlanov", "努尔兰诺夫"),
    ("Beridze", "Beridze", "贝里泽"),
    ("Yilmaz", "Yılmaz", "耶尔马兹"),
    ("Rashidov", "Rəşidov", "拉希多夫"),
    ("Demir", "Dəmir", "德米尔"),
    ("Sadykov", "Sadıkov", "萨德科夫"),
]

# Positions people hold ("position" on a person, "then …" on a participation).
HONORIFICS = [
    ("Deputy Minister of Economy", "İqtisadiyyat nazirinin müavini", "经济部副部长"),
    ("Deputy Minister of Energy", "Energetika nazirinin müavini", "能源部副部长"),
    (
        "Deputy Minister of Foreign Affairs",
        "Xarici işlər nazirinin müavini",
        "外交部副部长",
    ),
    (
        "Deputy Minister of Digital Development and Transport",
        "Rəqəmsal inkişaf və nəqliyyat nazirinin müavini",
        "数字发展和交通部副部长",
    ),
    ("Deputy Prime Minister", "Baş nazirin müavini", "副总理"),
    ("Chairman of the board", "İdarə heyətinin sədri", "董事长"),
    ("Chief executive officer", "Baş icraçı direktor", "首席执行官"),
    ("Rector", "Rektor", "校长"),
    ("Professor", "Professor", "教授"),
    ("Member of Parliament", "Parlament üzvü", "议会议员"),
    ("Head of department", "Şöbə müdiri", "司长"),
    ("Provincial vice-governor", "Vilayət qubernatorunun müavini", "副省长"),
    ("Mayor", "Şəhər icra hakimiyyətinin başçısı", "市长"),
    (
        "Director of a research institute",
        "Elmi-tədqiqat institutunun direktoru",
        "研究所所长",
    ),
    ("Journalist", "Jurnalist", "记者"),
    ("Trade representative", "Ticarət nümayəndəsi", "商务代表"),
    ("Counsellor", "Müşavir", "参赞"),
    ("Project manager", "Layihə rəhbəri", "项目经理"),
    ("Chief engineer", "Baş mühəndis", "总工程师"),
    ("Head of the delegation", "Nümayəndə heyətinin rəhbəri", "代表团团长"),
]
ROLE = ("then {honorific}", "həmin vaxt {honorific}", "时任{honorific}")
BIO = (
    "**{name}**: {honorific}. Works on {topic} cooperation between Azerbaijan and "
    "China.",
    "**{name}**: {honorific}. Azərbaycan ilə Çin arasında {topic} sahəsində "
    "əməkdaşlıqla məşğul olur.",
    "**{name}**：{honorific}。从事中国与阿塞拜疆在{topic}领域的合作。",
)

# Organisations ----------------------------------------------------------------------
MINISTRIES = [
    ("Ministry of Economy", "İqtisadiyyat Nazirliyi", "经济部"),
    ("Ministry of Energy", "Energetika Nazirliyi", "能源部"),
    ("Ministry of Foreign Affairs", "Xarici İşlər Nazirliyi", "外交部"),
    (
        "Ministry of Digital Development and Transport",
        "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi",
        "数字发展和交通部",
    ),
    ("Ministry of Education", "Təhsil Nazirliyi", "教育部"),
    ("Ministry of Culture", "Mədəniyyət Nazirliyi", "文化部"),
    ("Ministry of Health", "Səhiyyə Nazirliyi", "卫生部"),
    ("Ministry of Agriculture", "Kənd Təsərrüfatı Nazirliyi", "农业部"),
    ("Ministry of Finance", "Maliyyə Nazirliyi", "财政部"),
    ("Ministry of Commerce", "Ticarət Nazirliyi", "商务部"),
    (
        "Ministry of Science and Technology",
        "Elm və Texnologiya Nazirliyi",
        "科学技术部",
    ),
    ("Ministry of Emergency Situations", "Fövqəladə Hallar Nazirliyi", "应急管理部"),
]
MINISTRY = ("{ministry} of {country}", "{country} {ministry}", "{country}{ministry}")
GOVERNMENT_BODIES = [
    (
        "{city} City Executive Authority",
        "{city} Şəhər İcra Hakimiyyəti",
        "{city}市执行权力机构",
    ),
    ("{city} Municipal Government", "{city} Şəhər Hökuməti", "{city}市人民政府"),
    (
        "{country} State Customs Committee",
        "{country} Dövlət Gömrük Komitəsi",
        "{country}国家海关委员会",
    ),
    (
        "{country} Export and Investment Promotion Agency",
        "{country} İxracın və İnvestisiyaların Təşviqi Agentliyi",
        "{country}出口和投资促进署",
    ),
    (
        "{country} State Tourism Agency",
        "{country} Dövlət Turizm Agentliyi",
        "{country}国家旅游署",
    ),
    (
        "{country} Mine Action Agency",
        "{country} Minatəmizləmə Agentliyi",
        "{country}排雷行动署",
    ),
    (
        "{city} Development Zone Administration",
        "{city} İnkişaf Zonası Administrasiyası",
        "{city}开发区管委会",
    ),
]
EMBASSY = (
    "Embassy of {country} in {host}",
    "{country_genitive} {host_locative} səfirliyi",
    "{country}驻{host}大使馆",
)
COMPANY_PREFIXES = [
    ("Caspian", "Xəzər", "里海"),
    ("Silk Road", "İpək Yolu", "丝路"),
    ("Great Wall", "Böyük Divar", "长城"),
    ("Absheron", "Abşeron", "阿布歇伦"),
    ("Eastern", "Şərq", "东方"),
    ("Golden Bridge", "Qızıl Körpü", "金桥"),
    ("Blue Sky", "Mavi Səma", "蓝天"),
    ("New Horizon", "Yeni Üfüq", "新视野"),
    ("Jade", "Yəşəm", "玉石"),
    ("Phoenix", "Simurq", "凤凰"),
    ("Unity", "Birlik", "联合"),
    ("Sunrise", "Gündoğan", "旭日"),
    ("Middle Corridor", "Orta Dəhliz", "中间走廊"),
    ("Crescent", "Aypara", "新月"),
    ("Pearl River", "Mirvari Çayı", "珠江"),
    ("Caravan", "Karvan", "驼队"),
    ("Evergreen", "Həmişəyaşıl", "长青"),
    ("Summit", "Zirvə", "巅峰"),
]
INDUSTRIES = [
    ("Solar Energy", "Günəş Enerjisi", "太阳能"),
    ("Wind Power", "Külək Enerjisi", "风电"),
    ("Logistics", "Logistika", "物流"),
    ("Railway Engineering", "Dəmir Yolu Mühəndisliyi", "铁路工程"),
    ("Construction", "Tikinti", "建设"),
    ("Telecom", "Telekom", "电信"),
    ("Automotive", "Avtomobil", "汽车"),
    ("Petrochemical", "Neft-Kimya", "石化"),
    ("Trading", "Ticarət", "贸易"),
    ("Machinery", "Maşınqayırma", "机械"),
    ("Electronics", "Elektronika", "电子"),
    ("Agro", "Aqro", "农业"),
    ("Textile", "Toxuculuq", "纺织"),
    ("Pharmaceutical", "Əczaçılıq", "制药"),
    ("Shipping", "Gəmiçilik", "航运"),
    ("Steel", "Polad", "钢铁"),
    ("Cement", "Sement", "水泥"),
    ("Software", "Proqram Təminatı", "软件"),
    ("Tourism", "Turizm", "旅游"),
    ("Power Grid", "Elektrik Şəbəkələri", "电网"),
    ("Water Engineering", "Su Mühəndisliyi", "水利工程"),
    ("Medical Equipment", "Tibbi Avadanlıq", "医疗设备"),
]
COMPANY_FORMS = [
    ("Group", "Qrupu", "集团"),
    ("Co., Ltd.", "MMC", "有限公司"),
    ("Holding", "Holdinq", "控股"),
    ("Corporation", "Korporasiyası", "总公司"),
    ("JSC", "ASC", "股份公司"),
]
COMPANY = (
    "{prefix} {industry} {form}",
    "{prefix} {industry} {form}",
    "{prefix}{industry}{form}",
)
BRANCH = ("{parent}, {city} branch", "{parent}, {city} filialı", "{parent}{city}分公司")
UNIVERSITIES = [
    ("{city} State University", "{city} Dövlət Universiteti", "{city}国立大学"),
    (
        "{city} University of Technology",
        "{city} Texnologiya Universiteti",
        "{city}理工大学",
    ),
    (
        "{city} University of Languages",
        "{city} Dillər Universiteti",
        "{city}外国语大学",
    ),
    ("{city} University of Economics", "{city} İqtisad Universiteti", "{city}财经大学"),
    ("{city} Medical University", "{city} Tibb Universiteti", "{city}医科大学"),
    ("{city} Pedagogical University", "{city} Pedaqoji Universiteti", "{city}师范大学"),
    (
        "{city} University of Architecture and Construction",
        "{city} Memarlıq və İnşaat Universiteti",
        "{city}建筑大学",
    ),
    ("{city} Transport College", "{city} Nəqliyyat Kolleci", "{city}交通学院"),
]
FOUNDATIONS = [
    ("{prefix} Foundation", "{prefix} Fondu", "{prefix}基金会"),
    ("{prefix} Cultural Foundation", "{prefix} Mədəniyyət Fondu", "{prefix}文化基金会"),
    ("{prefix} Friendship Society", "{prefix} Dostluq Cəmiyyəti", "{prefix}友好协会"),
    ("{prefix} Education Fund", "{prefix} Təhsil Fondu", "{prefix}教育基金"),
]
MEDIA = [
    ("{name} News Agency", "{name} Xəbər Agentliyi", "{name}通讯社"),
    ("{name} Daily", "{name} Qəzeti", "{name}日报"),
    ("{name} Television", "{name} Televiziyası", "{name}电视台"),
    ("{name} Business Review", "{name} Biznes İcmalı", "{name}商业评论"),
    ("{name} Radio", "{name} Radiosu", "{name}广播电台"),
]
# (names, acronyms): real international organisations, as reference data.
INTERNATIONAL = [
    (
        (
            "Shanghai Cooperation Organisation",
            "Şanxay Əməkdaşlıq Təşkilatı",
            "上海合作组织",
        ),
        ("SCO", "ŞƏT", "上合组织"),
    ),
    (
        ("Organization of Turkic States", "Türk Dövlətləri Təşkilatı", "突厥国家组织"),
        ("OTS", "TDT", "OTS"),
    ),
    (
        (
            "Asian Infrastructure Investment Bank",
            "Asiya İnfrastruktur İnvestisiya Bankı",
            "亚洲基础设施投资银行",
        ),
        ("AIIB", "AİİB", "亚投行"),
    ),
    (
        (
            "United Nations Development Programme",
            "BMT-nin İnkişaf Proqramı",
            "联合国开发计划署",
        ),
        ("UNDP", "BMTİP", "开发署"),
    ),
    (
        (
            "Economic Cooperation Organization",
            "İqtisadi Əməkdaşlıq Təşkilatı",
            "经济合作组织",
        ),
        ("ECO", "İƏT", "经合组织"),
    ),
    (
        ("World Health Organization", "Ümumdünya Səhiyyə Təşkilatı", "世界卫生组织"),
        ("WHO", "ÜST", "世卫组织"),
    ),
    (
        (
            "Trans-Caspian International Transport Route Association",
            "Transxəzər Beynəlxalq Nəqliyyat Marşrutu Assosiasiyası",
            "跨里海国际运输走廊协会",
        ),
        ("TITR", "TBNM", "TITR"),
    ),
]
PARTY_BODIES = [
    ("{city} Party Committee", "{city} Partiya Komitəsi", "{city}市委"),
    (
        "{city} Youth League Committee",
        "{city} Gənclər İttifaqı Komitəsi",
        "{city}团市委",
    ),
]
LEGISLATURES = [
    (
        "{city} Municipal People's Congress",
        "{city} Şəhər Xalq Nümayəndələri Məclisi",
        "{city}市人民代表大会",
    ),
    (
        "{country} parliamentary friendship group",
        "{country} parlament dostluq qrupu",
        "{country}议会友好小组",
    ),
]
OTHER_ORGANIZATIONS = [
    ("{prefix} Business Council", "{prefix} Biznes Şurası", "{prefix}商务理事会"),
    ("{prefix} Chamber of Commerce", "{prefix} Ticarət Palatası", "{prefix}商会"),
    (
        "{prefix} Exporters' Association",
        "{prefix} İxracatçılar Assosiasiyası",
        "{prefix}出口商协会",
    ),
]
ORGANIZATION_DESCRIPTION = (
    "{name} works on {topic} cooperation between Azerbaijan and China.",
    "{name} Azərbaycan ilə Çin arasında {topic} sahəsində əməkdaşlıqla məşğuldur.",
    "{name}致力于中国与阿塞拜疆在{topic}领域的合作。",
)

# Sources and citations ------------------------------------------------------------
SOURCE_TITLES = {
    "interview": (
        "{publisher}: interview on {topic} cooperation",
        "{publisher}: {topic} sahəsində əməkdaşlıq haqqında müsahibə",
        "{publisher}：关于{topic}合作的专访",
    ),
    "news": (
        "{publisher}: talks on {topic} in {city}",
        "{publisher}: {city} şəhərində {topic} üzrə danışıqlar",
        "{publisher}：{city}举行{topic}会谈",
    ),
    "statement": (
        "{publisher}: statement on {topic}",
        "{publisher}: {topic} barədə bəyanat",
        "{publisher}：关于{topic}的声明",
    ),
    "dataset": (
        "{publisher}: {topic} statistics, {year}",
        "{publisher}: {topic} statistikası, {year}",
        "{publisher}：{year}年{topic}统计",
    ),
    "report": (
        "{publisher}: annual review of {topic} cooperation, {year}",
        "{publisher}: {topic} sahəsində əməkdaşlığın illik icmalı, {year}",
        "{publisher}：{year}年{topic}合作年度回顾",
    ),
    "document": (
        "{publisher}: text of the {topic} memorandum",
        "{publisher}: {topic} üzrə memorandumun mətni",
        "{publisher}：{topic}谅解备忘录文本",
    ),
}
# Every source says what it is, so that a benchmark database is never mistaken
# for the real record.
SOURCE_NOTES = (
    "Synthetic record generated for the benchmark data set.",
    "Benchmark məlumat dəsti üçün yaradılmış süni qeyd.",
    "为基准测试数据集生成的合成记录。",
)
LOCATORS = [
    ("p. {n}", "s. {n}", "第{n}页"),
    ("section {n}", "{n_ordinal} bölmə", "第{n}节"),
    ("paragraph {n}", "{n_ordinal} abzas", "第{n}段"),
]

# Events -----------------------------------------------------------------------------
# Per kind: titles and summaries. A template is used only when the event has
# everything its slots name (a place for {city}, two organisations for {org2}…).
EVENT_TITLES = {
    "state_visit": [
        (
            "State visit to {city}",
            "{city} şəhərinə dövlət səfəri",
            "对{city}进行国事访问",
        ),
        (
            "State visit with talks on {topic}",
            "{topic} üzrə danışıqlarla dövlət səfəri",
            "国事访问并就{topic}举行会谈",
        ),
    ],
    "official_visit": [
        (
            "Official visit of a delegation from {country} to {city}",
            "{country} nümayəndə heyətinin {city} şəhərinə rəsmi səfəri",
            "{country}代表团正式访问{city}",
        ),
        (
            "{person} visits {city}",
            "{person} {city} şəhərində səfərdədir",
            "{person}访问{city}",
        ),
        (
            "Official visit on {topic} cooperation",
            "{topic} sahəsində əməkdaşlıq üzrə rəsmi səfər",
            "{topic}合作正式访问",
        ),
    ],
    "talks": [
        (
            "Talks on {topic} cooperation in {city}",
            "{city} şəhərində {topic} sahəsində əməkdaşlığa dair danışıqlar",
            "{city}举行{topic}合作会谈",
        ),
        (
            "{org} and {org2} discuss {topic}",
            "{org} və {org2} {topic} məsələlərini müzakirə edir",
            "{org}与{org2}探讨{topic}合作",
        ),
        (
            "Meeting on {topic} projects",
            "{topic} layihələri üzrə görüş",
            "{topic}项目会议",
        ),
    ],
    "signing": [
        (
            "Signing of an agreement on {topic}",
            "{topic} sahəsində sazişin imzalanması",
            "签署{topic}协议",
        ),
        (
            "Signing of an agreement on {topic} in {city}",
            "{city} şəhərində {topic} sahəsində sazişin imzalanması",
            "{city}签署{topic}协议",
        ),
        (
            "{org} and {org2} sign a memorandum on {topic}",
            "{org} və {org2} {topic} üzrə memorandum imzalayır",
            "{org}与{org2}签署{topic}谅解备忘录",
        ),
    ],
    "forum": [
        (
            "{city} {topic} forum {year}",
            "{year} {city} {topic} forumu",
            "{year}年{city}{topic}论坛",
        ),
        (
            "Business forum on {topic} in {city}",
            "{city} şəhərində {topic} üzrə biznes forumu",
            "{city}{topic}商务论坛",
        ),
        ("Online forum on {topic}", "{topic} üzrə onlayn forum", "{topic}线上论坛"),
    ],
    "ceremony": [
        (
            "Handover of {equipment} equipment",
            "{equipment} avadanlığının təhvil verilməsi",
            "{equipment}设备交接仪式",
        ),
        (
            "Handover of {equipment} equipment in {city}",
            "{city} şəhərində {equipment} avadanlığının təhvil verilməsi",
            "{city}{equipment}设备交接仪式",
        ),
        (
            "Opening of the {city} {topic} centre",
            "{city} şəhərində {topic} mərkəzinin açılışı",
            "{city}{topic}中心揭幕",
        ),
    ],
    "statement": [
        (
            "Statement on {topic} cooperation",
            "{topic} sahəsində əməkdaşlığa dair bəyanat",
            "关于{topic}合作的声明",
        ),
        (
            "{org} statement on {topic}",
            "{org} {topic} barədə bəyanat yayır",
            "{org}发表关于{topic}的声明",
        ),
    ],
    "cultural": [
        (
            "Days of Chinese culture in {city}",
            "{city} şəhərində Çin mədəniyyəti günləri",
            "{city}中国文化日",
        ),
        (
            "Azerbaijani music evening in {city}",
            "{city} şəhərində Azərbaycan musiqi axşamı",
            "{city}阿塞拜疆音乐晚会",
        ),
        (
            "Silk Road photo exhibition in {city}",
            "{city} şəhərində İpək Yolu fotosərgisi",
            "{city}丝绸之路摄影展",
        ),
        (
            "Student exchange on {topic}",
            "{topic} üzrə tələbə mübadiləsi",
            "{topic}学生交流活动",
        ),
    ],
    "multilateral": [
        (
            "Meeting on the sidelines of a regional summit in {city}",
            "{city} şəhərində regional sammit çərçivəsində görüş",
            "{city}地区峰会期间会晤",
        ),
        (
            "Middle Corridor coordination meeting in {city}",
            "{city} şəhərində Orta Dəhliz üzrə əlaqələndirmə görüşü",
            "{city}中间走廊协调会议",
        ),
        (
            "Multilateral consultations on {topic}",
            "{topic} üzrə çoxtərəfli məsləhətləşmələr",
            "{topic}多边磋商",
        ),
    ],
    "other": [
        (
            "Working group meeting on {topic}",
            "{topic} üzrə işçi qrupunun iclası",
            "{topic}工作组会议",
        ),
    ],
}
EVENT_SUMMARIES = {
    "state_visit": [
        (
            "A state visit with talks on {topic}, trade and regional connectivity.",
            "{topic}, ticarət və regional nəqliyyat əlaqələri üzrə danışıqlarla "
            "müşayiət olunan dövlət səfəri.",
            "国事访问期间双方就{topic}、贸易和地区互联互通进行会谈。",
        ),
    ],
    "official_visit": [
        (
            "{person} visited {city} with a delegation to discuss {topic}.",
            "{person} nümayəndə heyəti ilə {city} şəhərinə səfər edərək {topic} "
            "məsələlərini müzakirə etdi.",
            "{person}率团访问{city}，讨论{topic}合作。",
        ),
        (
            "A delegation held meetings on {topic} cooperation.",
            "Nümayəndə heyəti {topic} sahəsində əməkdaşlıq üzrə görüşlər keçirdi.",
            "代表团就{topic}合作举行会见。",
        ),
    ],
    "talks": [
        (
            "{org} and {org2} held talks in {city} on cooperation in {topic}.",
            "{org} və {org2} {city} şəhərində {topic} sahəsində əməkdaşlığa dair "
            "danışıqlar apardı.",
            "{org}与{org2}在{city}就{topic}领域合作举行会谈。",
        ),
        (
            "The two sides discussed new projects in {topic}.",
            "Tərəflər {topic} sahəsində yeni layihələri müzakirə etdilər.",
            "双方讨论了{topic}领域的新项目。",
        ),
    ],
    "signing": [
        (
            "{org} and {org2} signed a document on {topic} in {city}.",
            "{org} və {org2} {city} şəhərində {topic} sahəsində sənəd imzaladı.",
            "{org}与{org2}在{city}签署{topic}领域合作文件。",
        ),
        (
            "A cooperation document on {topic} was signed.",
            "{topic} sahəsində əməkdaşlıq sənədi imzalandı.",
            "双方签署了{topic}领域合作文件。",
        ),
    ],
    "forum": [
        (
            "Companies and officials met in {city} to discuss {topic} and new joint "
            "projects.",
            "Şirkət və dövlət qurumlarının nümayəndələri {city} şəhərində {topic} və "
            "yeni birgə layihələri müzakirə etdi.",
            "企业和政府代表在{city}聚会，探讨{topic}及新的合作项目。",
        ),
        (
            "Speakers from both countries discussed {topic}.",
            "Hər iki ölkədən olan məruzəçilər {topic} mövzusunu müzakirə etdilər.",
            "两国发言人围绕{topic}进行了讨论。",
        ),
    ],
    "ceremony": [
        (
            "A ceremony in {city} marked the handover of {equipment} equipment.",
            "{city} şəhərində {equipment} avadanlığının təhvil verilməsi mərasimi "
            "keçirildi.",
            "{city}举行{equipment}设备交接仪式。",
        ),
        (
            "A ceremony marked the start of a new {topic} project.",
            "Yeni {topic} layihəsinin başlanmasına həsr olunmuş mərasim keçirildi.",
            "双方举行仪式，标志着新的{topic}项目启动。",
        ),
    ],
    "statement": [
        (
            "{org} published a statement on cooperation in {topic}.",
            "{org} {topic} sahəsində əməkdaşlıq barədə bəyanat yaydı.",
            "{org}发表关于{topic}领域合作的声明。",
        ),
        (
            "A statement set out the next steps in {topic}.",
            "Bəyanatda {topic} sahəsində növbəti addımlar açıqlandı.",
            "声明阐述了{topic}领域的下一步工作。",
        ),
    ],
    "cultural": [
        (
            "An exhibition and concerts in {city} presented the culture of both "
            "countries.",
            "{city} şəhərində keçirilən sərgi və konsertlərdə hər iki ölkənin "
            "mədəniyyəti təqdim olundu.",
            "在{city}举办的展览和音乐会展示了两国文化。",
        ),
        (
            "Students and teachers from both countries took part in an exchange.",
            "Hər iki ölkənin tələbə və müəllimləri mübadilədə iştirak etdilər.",
            "两国师生参加了交流活动。",
        ),
    ],
    "multilateral": [
        (
            "On the sidelines of a multilateral meeting in {city}, the delegations "
            "discussed {topic}.",
            "{city} şəhərində keçirilən çoxtərəfli görüş çərçivəsində nümayəndə "
            "heyətləri {topic} məsələlərini müzakirə etdi.",
            "在{city}举行的多边会议期间，双方代表团讨论了{topic}问题。",
        ),
        (
            "Several countries discussed {topic} within a regional format.",
            "Bir neçə ölkə regional format çərçivəsində {topic} məsələlərini "
            "müzakirə etdi.",
            "多国在地区机制框架内讨论了{topic}问题。",
        ),
    ],
    "other": [
        (
            "A working group met to review {topic} cooperation.",
            "İşçi qrupu {topic} sahəsində əməkdaşlığı nəzərdən keçirmək üçün toplandı.",
            "工作组开会审议{topic}领域合作。",
        ),
    ],
}
# Paragraphs of event bodies (Markdown); a body takes three to five of them.
EVENT_PARAGRAPHS = [
    (
        "The sides reviewed the progress of joint work in {topic} and agreed to keep "
        "up regular consultations.",
        "Tərəflər {topic} sahəsində birgə işin gedişatını nəzərdən keçirdilər və "
        "müntəzəm məsləhətləşmələri davam etdirməyə razılaşdılar.",
        "双方回顾了{topic}领域合作进展，同意保持定期磋商。",
    ),
    (
        "{person} said that cooperation between {org} and {org2} had grown steadily "
        "in recent years.",
        "{person} bildirdi ki, son illərdə {org} ilə {org2} arasında əməkdaşlıq "
        "davamlı şəkildə inkişaf edib.",
        "{person}表示，近年来{org}与{org2}之间的合作稳步发展。",
    ),
    (
        "Among the topics discussed were:\n\n- {topic}\n- {topic2}\n- {topic3}",
        "Müzakirə olunan mövzular:\n\n- {topic}\n- {topic2}\n- {topic3}",
        "讨论的议题包括：\n\n- {topic}\n- {topic2}\n- {topic3}",
    ),
    (
        "## Background\n\nContacts between the two countries in {topic} go back to "
        "{since}.",
        "## Arxa plan\n\nİki ölkə arasında {topic} sahəsində əlaqələrin tarixi "
        "{since_ordinal} ilə gedib çıxır.",
        "## 背景\n\n两国在{topic}领域的交往可以追溯到{since}年。",
    ),
    (
        "The programme in {city} also included visits to local companies and a "
        "meeting with students.",
        "{city} şəhərindəki proqrama yerli şirkətlərə səfərlər və tələbələrlə görüş "
        "də daxil idi.",
        "在{city}的日程还包括参观当地企业和与学生座谈。",
    ),
    (
        "Further details are to be published by **{org}**.",
        "Ətraflı məlumatı **{org}** sonradan açıqlayacaq.",
        "更多详情将由**{org}**另行公布。",
    ),
    (
        "The next meeting of the working group is planned for {next_year}.",
        "İşçi qrupunun növbəti iclası {next_year_ordinal} ildə planlaşdırılır.",
        "工作组下次会议计划于{next_year}年举行。",
    ),
    (
        "Both sides noted the role of the Middle Corridor in trade between Asia and "
        "Europe.",
        "Tərəflər Asiya ilə Avropa arasında ticarətdə Orta Dəhlizin rolunu qeyd "
        "etdilər.",
        "双方指出了中间走廊在亚欧贸易中的作用。",
    ),
    (
        "Specialists from both countries will continue training and exchanges of "
        "experience in {topic}.",
        "Hər iki ölkənin mütəxəssisləri {topic} sahəsində təlim və təcrübə "
        "mübadiləsini davam etdirəcək.",
        "两国专家将继续在{topic}领域开展培训和经验交流。",
    ),
    (
        "## Outcomes\n\n1. A joint working plan for {next_year}.\n2. Regular "
        "exchanges of information on {topic}.\n3. A follow-up meeting in {city}.",
        "## Nəticələr\n\n1. {next_year_ordinal} il üçün birgə iş planı.\n2. {topic} "
        "üzrə müntəzəm məlumat mübadiləsi.\n3. {city} şəhərində növbəti görüş.",
        "## 成果\n\n1. {next_year}年联合工作计划。\n2. 定期交流{topic}信息。\n"
        "3. 在{city}举行后续会议。",
    ),
]

# Agreements -------------------------------------------------------------------------
AGREEMENT_TITLES = {
    "memorandum": [
        (
            "Memorandum of understanding on {topic} cooperation",
            "{topic} sahəsində əməkdaşlığa dair anlaşma memorandumu",
            "关于{topic}合作的谅解备忘录",
        ),
        (
            "Memorandum between {org} and {org2} on {topic}",
            "{org} ilə {org2} arasında {topic} üzrə memorandum",
            "{org}与{org2}关于{topic}的备忘录",
        ),
    ],
    "agreement": [
        (
            "Agreement between {org} and {org2} on {topic}",
            "{org} ilə {org2} arasında {topic} sahəsində saziş",
            "{org}与{org2}关于{topic}的协议",
        ),
        (
            "Agreement on cooperation in {topic}",
            "{topic} sahəsində əməkdaşlıq haqqında saziş",
            "{topic}领域合作协定",
        ),
    ],
    "contract": [
        (
            "Contract for the supply of {equipment} equipment",
            "{equipment} avadanlığının tədarükü üzrə müqavilə",
            "{equipment}设备供应合同",
        ),
    ],
    "declaration": [
        (
            "Joint declaration on {topic} partnership",
            "{topic} sahəsində tərəfdaşlığa dair birgə bəyannamə",
            "关于{topic}伙伴关系的联合声明",
        ),
    ],
    "other": [
        ("Protocol on {topic}", "{topic} üzrə protokol", "{topic}议定书"),
    ],
}
AGREEMENT_SUMMARY = (
    "The document sets out cooperation between {org} and {org2} in {topic}.",
    "Sənəd {org} ilə {org2} arasında {topic} sahəsində əməkdaşlığı müəyyən edir.",
    "该文件规定了{org}与{org2}在{topic}领域的合作。",
)
AGREEMENT_PARAGRAPHS = [
    (
        "The parties agreed to:\n\n- exchange information on {topic};\n- set up a "
        "joint working group;\n- review progress every year.",
        "Tərəflər aşağıdakılara razılaşdılar:\n\n- {topic} üzrə məlumat mübadiləsi "
        "aparmaq;\n- birgə işçi qrupu yaratmaq;\n- irəliləyişi hər il nəzərdən "
        "keçirmək.",
        "双方同意：\n\n- 交流{topic}信息；\n- 成立联合工作组；\n- 每年审议进展。",
    ),
    (
        "The document remains in force for {years} years and is extended "
        "automatically unless either party objects.",
        "Sənəd {years} il qüvvədə qalır və tərəflərdən biri etiraz etmədikdə "
        "avtomatik uzadılır.",
        "该文件有效期为{years}年，如任何一方未提出异议则自动延期。",
    ),
    (
        "Disputes are settled through consultations between the parties.",
        "Mübahisələr tərəflər arasında məsləhətləşmələr yolu ilə həll edilir.",
        "争议通过双方协商解决。",
    ),
]

# Projects ---------------------------------------------------------------------------
# Per sector slug (projects/migrations/0002_sectors.py): (title, capacity unit,
# capacity range). {capacity} is filled with the capacity itself.
PROJECT_TITLES = {
    "renewable-energy": [
        (
            (
                "{capacity} MW solar power plant in {city}",
                "{city} şəhərində {capacity} MVt gücündə günəş elektrik stansiyası",
                "{city}{capacity}兆瓦光伏电站",
            ),
            "MW",
            (10, 500),
        ),
        (
            (
                "{capacity} MW wind farm near {city}",
                "{city} yaxınlığında {capacity} MVt gücündə külək elektrik stansiyası",
                "{city}附近{capacity}兆瓦风电场",
            ),
            "MW",
            (20, 300),
        ),
        (
            (
                "Upgrade of the hydropower plant in {city}",
                "{city} şəhərində su elektrik stansiyasının modernləşdirilməsi",
                "{city}水电站改造",
            ),
            "MW",
            (5, 150),
        ),
    ],
    "transport-logistics": [
        (
            (
                "Electric buses for {city}",
                "{city} üçün elektrik avtobusları",
                "{city}电动公交车项目",
            ),
            "buses",
            (20, 400),
        ),
        (
            (
                "{city}–{city2} container train service",
                "{city}–{city2} konteyner qatarı xidməti",
                "{city}—{city2}集装箱班列",
            ),
            "trains",
            (10, 300),
        ),
        (
            (
                "Modernisation of the {city} railway line",
                "{city} dəmir yolu xəttinin modernləşdirilməsi",
                "{city}铁路线现代化改造",
            ),
            "",
            None,
        ),
        (
            (
                "Logistics hub in {city}",
                "{city} şəhərində logistika mərkəzi",
                "{city}物流枢纽",
            ),
            "facilities",
            (1, 5),
        ),
    ],
    "manufacturing-industry": [
        (
            (
                "{org} assembly plant in {city}",
                "{city} şəhərində {org} montaj zavodu",
                "{org}{city}组装厂",
            ),
            "facilities",
            (1, 3),
        ),
        (
            (
                "Expansion of the {city} industrial park",
                "{city} sənaye parkının genişləndirilməsi",
                "{city}工业园扩建",
            ),
            "facilities",
            (2, 20),
        ),
        (
            (
                "Cement plant in {city}",
                "{city} şəhərində sement zavodu",
                "{city}水泥厂",
            ),
            "",
            None,
        ),
    ],
    "trade": [
        (
            (
                "{city} trade and exhibition centre",
                "{city} ticarət və sərgi mərkəzi",
                "{city}商贸会展中心",
            ),
            "",
            None,
        ),
        (
            (
                "{product} export programme",
                "{product} ixracı proqramı",
                "{product}出口计划",
            ),
            "",
            None,
        ),
        (
            (
                "Cross-border e-commerce platform for {city}",
                "{city} üçün transsərhəd elektron ticarət platforması",
                "{city}跨境电商平台",
            ),
            "",
            None,
        ),
    ],
    "humanitarian-demining": [
        (
            (
                "Demining equipment for {city}",
                "{city} üçün minatəmizləmə avadanlığı",
                "{city}排雷设备援助",
            ),
            "",
            None,
        ),
        (
            (
                "Humanitarian aid for {city}",
                "{city} üçün humanitar yardım",
                "{city}人道主义援助",
            ),
            "",
            None,
        ),
        (
            (
                "Mine clearance training in {city}",
                "{city} şəhərində minatəmizləmə təlimləri",
                "{city}排雷培训",
            ),
            "",
            None,
        ),
    ],
    "education": [
        (
            (
                "School construction in {city}",
                "{city} şəhərində məktəb tikintisi",
                "{city}学校建设",
            ),
            "schools",
            (1, 12),
        ),
        (
            (
                "Chinese language classroom in {city}",
                "{city} şəhərində Çin dili sinfi",
                "{city}中文教室",
            ),
            "",
            None,
        ),
        (
            (
                "Vocational training centre in {city}",
                "{city} şəhərində peşə təhsili mərkəzi",
                "{city}职业培训中心",
            ),
            "facilities",
            (1, 3),
        ),
    ],
    "culture-tourism": [
        (
            (
                "Restoration of the old quarter in {city}",
                "{city} şəhərində köhnə məhəllənin bərpası",
                "{city}老城区修复",
            ),
            "",
            None,
        ),
        (
            (
                "{city} tourism promotion programme",
                "{city} turizm təşviqi proqramı",
                "{city}旅游推广计划",
            ),
            "",
            None,
        ),
    ],
    "digital": [
        (
            (
                "Data centre in {city}",
                "{city} şəhərində məlumat mərkəzi",
                "{city}数据中心",
            ),
            "facilities",
            (1, 3),
        ),
        (
            (
                "5G network pilot in {city}",
                "{city} şəhərində 5G şəbəkəsi pilot layihəsi",
                "{city}5G网络试点",
            ),
            "",
            None,
        ),
        (
            (
                "Smart city platform for {city}",
                "{city} üçün ağıllı şəhər platforması",
                "{city}智慧城市平台",
            ),
            "",
            None,
        ),
    ],
    "health": [
        (
            (
                "Hospital equipment for {city}",
                "{city} üçün xəstəxana avadanlığı",
                "{city}医院设备援助",
            ),
            "facilities",
            (1, 6),
        ),
        (
            (
                "Medical training programme in {city}",
                "{city} şəhərində tibbi təlim proqramı",
                "{city}医疗培训项目",
            ),
            "",
            None,
        ),
    ],
}
# For sectors an editor added after the migration.
PROJECT_TITLES_OTHER = [
    (
        (
            "Cooperation programme in {city}",
            "{city} şəhərində əməkdaşlıq proqramı",
            "{city}合作项目",
        ),
        "",
        None,
    ),
]
PROJECT_SUMMARY = (
    "{org} and its partners carry out the project in {city}.",
    "Layihəni {city} şəhərində {org} və tərəfdaşları həyata keçirir.",
    "该项目由{org}及其合作伙伴在{city}实施。",
)
PROJECT_PARAGRAPHS = [
    (
        "The project covers design, construction and the training of local staff.",
        "Layihə layihələndirmə, tikinti və yerli kadrların hazırlanmasını əhatə edir.",
        "项目包括设计、施工和当地员工培训。",
    ),
    (
        "Financing comes from **{org}**.",
        "Maliyyələşdirmə **{org}** tərəfindən təmin edilir.",
        "资金由**{org}**提供。",
    ),
    (
        "## Progress\n\nWork started in {start_year}.",
        "## Gedişat\n\nİşlərə {start_year_ordinal} ildə başlanılıb.",
        "## 进展\n\n工程于{start_year}年启动。",
    ),
    (
        "Specialists from both countries take part in the work on site.",
        "İşlərdə hər iki ölkənin mütəxəssisləri iştirak edir.",
        "两国专家参与现场工作。",
    ),
]
# In the order they happen; a project takes an ordered selection.
MILESTONES = [
    (
        "Feasibility study approved",
        "Texniki-iqtisadi əsaslandırma təsdiqləndi",
        "可行性研究获批",
    ),
    ("Agreement signed", "Saziş imzalandı", "签署协议"),
    ("Financing agreed", "Maliyyələşdirmə razılaşdırıldı", "融资落实"),
    ("Construction started", "Tikintiyə başlanıldı", "开工建设"),
    ("Equipment delivered", "Avadanlıq çatdırıldı", "设备到货"),
    ("First phase completed", "Birinci mərhələ başa çatdı", "一期完工"),
    ("Commissioned", "İstismara verildi", "投入运营"),
]

# Key figures ------------------------------------------------------------------------
# (name, unit or None for money, currency, first year, first value, yearly growth)
INDICATORS = [
    (
        ("Trade turnover", "Ticarət dövriyyəsi", "贸易额"),
        None,
        "USD",
        1995,
        2.0e7,
        0.14,
    ),
    (
        ("Exports to China", "Çinə ixrac", "对华出口"),
        None,
        "USD",
        1995,
        5.0e6,
        0.12,
    ),
    (
        ("Tourist arrivals from China", "Çindən gələn turistlər", "中国游客入境人数"),
        ("tourists", "turist", "人次"),
        "",
        2005,
        3000,
        0.16,
    ),
    (
        (
            "Container trains via Azerbaijan",
            "Azərbaycan ərazisindən keçən konteyner qatarları",
            "过境阿塞拜疆的集装箱班列",
        ),
        ("trains", "qatar", "列"),
        "",
        2015,
        20,
        0.35,
    ),
    (
        ("Imports from China", "Çindən idxal", "自华进口"),
        None,
        "USD",
        1995,
        1.5e7,
        0.15,
    ),
    (
        (
            "Chinese students in Azerbaijan",
            "Azərbaycanda təhsil alan Çin tələbələri",
            "在阿中国留学生",
        ),
        ("students", "tələbə", "人"),
        "",
        2008,
        40,
        0.12,
    ),
    (
        (
            "Azerbaijani students in China",
            "Çində təhsil alan Azərbaycan tələbələri",
            "在华阿塞拜疆留学生",
        ),
        ("students", "tələbə", "人"),
        "",
        2005,
        60,
        0.13,
    ),
    (
        ("Direct flights per week", "Həftəlik birbaşa reyslər", "每周直航航班"),
        ("flights", "reys", "班"),
        "",
        2012,
        2,
        0.10,
    ),
    (
        (
            "Chinese investment in Azerbaijan",
            "Çinin Azərbaycana investisiyaları",
            "中国对阿投资",
        ),
        None,
        "USD",
        2005,
        1.0e7,
        0.18,
    ),
    (
        ("Freight through Baku port", "Bakı limanından keçən yük", "经巴库港货运量"),
        ("TEU", "TEU", "标准箱"),
        "",
        2010,
        5000,
        0.15,
    ),
    (
        ("Joint research projects", "Birgə tədqiqat layihələri", "联合科研项目"),
        ("projects", "layihə", "项"),
        "",
        2010,
        3,
        0.12,
    ),
    (
        ("Chinese language learners", "Çin dilini öyrənənlər", "汉语学习者"),
        ("learners", "nəfər", "人"),
        "",
        2008,
        150,
        0.14,
    ),
]
INDICATOR_DESCRIPTION = (
    "Yearly figure for {name_lower}, from the statistics offices of both countries.",
    "Hər iki ölkənin statistika idarələrinin məlumatına əsasən illik göstərici.",
    "年度数据，来自两国统计部门。",
)
PRELIMINARY = ("Preliminary figure", "İlkin göstərici", "初步数据")
