"""The seed records: every fact of PRC Ambassador Lu Mei's interview with the APA
news agency that the portal's models can hold. `manage.py load_seed` reads them.

Plain data, meant to be read and edited by people:

- Other records are referred to by slug; a record must come after those it refers to.
- Partial dates are written as "1994", "2025-09" or "2025-12-24": the loader stores
  the first day of the period with the matching precision.
- Every quote is copied verbatim from the interview
  (docs/sources/lu-mei-apa-interview.txt, checked by tests/portal/test_seed.py);
  the locator names the question it answers.
- Nothing is added that the interview does not say, apart from public reference data
  (coordinates, the city a national event took place in) noted where used.
"""

# Where in the interview a quote stands: the introduction or the question answered.
INTRO = "Introduction"
Q_POLITICAL = "Q: political dialogue and strategic cooperation"
Q_TRADE = "Q: trade and economic cooperation"
Q_BELT_AND_ROAD = "Q: Azerbaijan's role in the Belt and Road Initiative"
Q_HUMANITARIAN = "Q: cultural, educational and humanitarian cooperation"
Q_INTERNATIONAL = "Q: cooperation within international organisations"
Q_TAIWAN = "Q: the situation regarding Taiwan"

# Quotes used by more than one record.
INTERVIEW_GIVEN = (
    "The Extraordinary and Plenipotentiary Ambassador of the People’s Republic of "
    "China to Azerbaijan, Lu Mei, spoke to APA in an interview about China–Azerbaijan "
    "relations and prospects for future cooperation."
)
BOOK_PRESENTED = (
    "On December 24, 2025, I attended the presentation of a new book titled "
    "“Azerbaijan and China – Presidential Chronicle (2003–2025)”, authored by "
    "Professor Rafiq Abbasov, Director of the Confucius Institute at Azerbaijan "
    "University of Languages."
)
VISIT_1994 = (
    "In 1994, the national leader of Azerbaijan, Heydar Aliyev, paid a historic visit "
    "to China and held talks with Jiang Zemin, who was then Chairman of the People’s "
    "Republic of China, laying the foundation for the development of China–Azerbaijan "
    "relations."
)
EMBASSY_BUILDING = (
    "The current building of the Chinese Embassy in Azerbaijan is also an important "
    "symbol of Heydar Aliyev’s friendship with China."
)
FOUNDATION_STONE_2000 = (
    "In 2000, Heydar Aliyev, then President of Azerbaijan, and Li Peng, then Chairman "
    "of the Standing Committee of the National People’s Congress of China, jointly "
    "laid the foundation stone of the embassy building."
)
MUSEUM_VISIT = (
    "Recently, during my visit to the Nakhchivan Autonomous Republic, I visited the "
    "Heydar Aliyev Museum. The museum’s director showed me a commemorative album "
    "published by the Presidential Administration of the Republic of Azerbaijan on "
    "the occasion of the 10th anniversary of the establishment of diplomatic "
    "relations between China and Azerbaijan, which allowed me to deeply feel Heydar "
    "Aliyev’s strong friendship with China and the Chinese people."
)
ILHAM_ALIYEV_SINCE_2003 = (
    "After assuming office in 2003, President Ilham Aliyev continued Heydar Aliyev’s "
    "friendly foreign policy toward China, regarding the development of relations "
    "with China as a diplomatic priority. He has visited China eight times and has "
    "met Chinese delegations in Azerbaijan on numerous occasions."
)
TWO_VISITS_2025 = (
    "President Ilham Aliyev visited China twice during the year, and the two "
    "countries’ leaders signed a Joint Declaration on the establishment of a "
    "comprehensive strategic partnership, opening a new chapter in the development "
    "of China–Azerbaijan relations."
)
FAMILY_ON_BOTH_VISITS = (
    "It should be emphasized that on both visits to China, President Ilham Aliyev "
    "was accompanied by his spouse and family members."
)
LONG_TERM_FRIEND = (
    "During his meeting with President Ilham Aliyev, President of the People’s "
    "Republic of China Xi Jinping referred to the Azerbaijani leader as a long-term "
    "friend of the Chinese people."
)
TWO_MEETINGS_ONE_CHINA = (
    "During his two meetings with President Xi Jinping in 2025, President Ilham "
    "Aliyev once again reaffirmed Azerbaijan’s commitment to the “one China” "
    "principle."
)
SU_HUI_VISIT = (
    "In September 2025, Su Hui, Vice Chairman of the National Committee of the "
    "Chinese People’s Political Consultative Conference, paid a visit to Azerbaijan "
    "and held talks with Prime Minister Ali Asadov and Speaker of the Milli Majlis "
    "Sahiba Gafarova, engaging in extensive exchanges of views on the implementation "
    "of agreements reached by the heads of state, deepening political mutual trust, "
    "and strengthening pragmatic cooperation."
)
MUSTAFAYEV_VISITS = (
    "Acting as the coordinator of Azerbaijan–China trade and economic cooperation, "
    "Deputy Prime Minister Shahin Mustafayev actively implemented President Ilham "
    "Aliyev’s instructions, visited China twice in 2025, and contributed to the "
    "promotion of pragmatic cooperation with China."
)
BYD_BUSES = (
    "The first batch of 50 electric buses produced at the BYD plant in Azerbaijan has "
    "already been successfully delivered. Last year, 300 electric buses manufactured "
    "at the same plant were put into operation in Baku, Nakhchivan, and Karabakh, "
    "creating environmentally friendly transportation options for residents of "
    "Azerbaijan."
)
NEW_ENERGY_DOCUMENTS = (
    "Several Chinese companies have signed cooperation documents with Azerbaijan for "
    "the implementation of five projects in the new energy field, including "
    "photovoltaic power plants and wind energy. The total installed capacity of these "
    "projects will amount to 1,570 MW."
)
DEMINING_MEMORANDUM = (
    "Within the framework of the implementation of the Memorandum of Understanding on "
    "strengthening cooperation in humanitarian demining, signed with the "
    "participation of the heads of state, China has provided financial assistance to "
    "the Azerbaijan National Agency for Mine Action."
)
DIGITAL_CLASSROOMS = (
    "China has also, through the Heydar Aliyev Foundation, donated Chinese-made "
    "electronic equipment to two orphanages located in the Khazar district of Baku, "
    "creating “China–Azerbaijan Friendship Digital Classrooms.”"
)
NAKHCHIVAN_SCHOOLS = (
    "In November last year, I also attended a ceremony in the Nakhchivan Autonomous "
    "Republic for the handover of distance-learning equipment financed by China. "
    "Under this project, China equipped 216 schools in Nakhchivan with distance "
    "education facilities, improving learning conditions for local students."
)
MALIPO_PLAYGROUND = (
    "The Azerbaijani side, in turn, demonstrated care for education in China’s remote "
    "mountainous regions by allocating funds for the construction of a playground for "
    "the Second Primary School in Malipo County of Yunnan Province."
)
FREIGHT_TRAINS = (
    "From January to November 2025, 351 Trans-Caspian freight trains were dispatched "
    "from China to Azerbaijan, representing a 34 percent increase compared to the "
    "previous year."
)
NEW_TRAIN_ROUTES = (
    "In 2025, the first Trans-Caspian freight trains departing from Jinhua and Yiwu "
    "in Zhejiang Province, as well as from Beijing and Shenzhen, were put into "
    "operation."
)
VISA_AGREEMENT_SIGNED = (
    "During President Ilham Aliyev’s visit to China in April last year, the heads of "
    "state of the two countries witnessed the signing of the Agreement between the "
    "Government of the People’s Republic of China and the Government of the Republic "
    "of Azerbaijan on the mutual abolition of visas for holders of ordinary passports."
)
CORE_INTERESTS_APRIL = (
    "During the meeting of the heads of state in April 2025, President Xi Jinping "
    "emphasized that firm mutual support on issues concerning each other’s core "
    "interests is not only a good tradition for China and Azerbaijan but also an "
    "essential element of their strategic partnership."
)
INTERNATIONAL_ORGANIZATIONS = (
    "In recent years, China and Azerbaijan have demonstrated close cooperation and "
    "firm mutual support within international organizations such as the Shanghai "
    "Cooperation Organization and the United Nations."
)
SCO_AND_CICA = (
    "China supports Azerbaijan’s membership in the SCO, supports Azerbaijan’s "
    "activities during its chairmanship of the Conference on Interaction and "
    "Confidence-Building Measures in Asia, and welcomes Azerbaijan’s active "
    "participation in international affairs, which further enhances Azerbaijan’s "
    "international standing."
)
COP29 = (
    "In November 2024, within the framework of the 29th session of the Conference of "
    "the Parties to the UN Framework Convention on Climate Change (COP29) hosted by "
    "Azerbaijan, Chinese and Azerbaijani delegations worked closely together to "
    "jointly advance the formulation of the post-2025 climate finance goal, achieving "
    "the historic “Baku breakthrough.”"
)
MFA_STATEMENT = (
    "Immediately after the U.S. announced large-scale arms sales to Taiwan, the "
    "Ministry of Foreign Affairs of Azerbaijan issued a public statement "
    "unequivocally reaffirming its firm support for the “one China” principle and "
    "its non-recognition of “Taiwan independence.” Azerbaijan was among the first "
    "countries to openly support this position."
)
JOINT_DECLARATION_TAIWAN = (
    "The Joint Declaration on the establishment of a comprehensive strategic "
    "partnership between China and Azerbaijan also states: “The Azerbaijani side "
    "recognizes that there is only one China in the world; that Taiwan is an "
    "inalienable part of China's territory, and that the government of the People’s "
    "Republic of China is the sole legitimate government representing the whole of "
    "China."
)
TOURISTS = (
    "From January to October 2025, the number of Chinese tourists visiting Azerbaijan "
    "exceeded 57,000, which is about 50 percent higher than in the same period of the "
    "previous year, creating favorable conditions for strengthening mutual "
    "understanding between the peoples of the two countries."
)


SOURCE = {
    "slug": "lu-mei-apa-interview",
    # Descriptive: the headline the interview was published under is not recorded.
    "title": (
        "Interview with Lu Mei, Ambassador of the People's Republic of China to "
        "Azerbaijan, on China–Azerbaijan relations"
    ),
    "kind": "interview",
    "publisher": "apa",
    "url": "",
    "published_on": "2026",
    "language": "en",
    "notes": (
        "Interview given by the PRC ambassador to Azerbaijan, Lu Mei, to the APA news "
        "agency. The text does not give its publication date: the year 2026 is "
        "inferred from the text, which speaks of 2025 as “last year” and of 24 "
        "December 2025 in the past. The original URL is not recorded, and the title "
        "above describes the interview rather than repeating its published headline. "
        "A verbatim copy of the English text is kept in the portal's repository "
        "(docs/sources/lu-mei-apa-interview.txt)."
    ),
}


# Reference data: no citations. Coordinates are public geography, to four decimals;
# "coordinates_approximate" marks a point standing for a whole country or region.
PLACES = [
    {
        "slug": "azerbaijan",
        "name": "Azerbaijan",
        "kind": "country",
        "country_code": "AZ",
        "latitude": "40.1431",
        "longitude": "47.5769",
        "coordinates_approximate": True,
    },
    {
        "slug": "china",
        "name": "China",
        "kind": "country",
        "country_code": "CN",
        "latitude": "35.8617",
        "longitude": "104.1954",
        "coordinates_approximate": True,
    },
    {
        "slug": "baku",
        "name": "Baku",
        "kind": "city",
        "parent": "azerbaijan",
        "country_code": "AZ",
        "latitude": "40.4093",
        "longitude": "49.8671",
    },
    {
        "slug": "khazar-district",
        "name": "Khazar district",
        "kind": "district",
        "parent": "baku",
        "country_code": "AZ",
        "latitude": "40.4500",
        "longitude": "50.1500",
        "coordinates_approximate": True,
    },
    {
        "slug": "nakhchivan",
        "name": "Nakhchivan Autonomous Republic",
        "kind": "region",
        "parent": "azerbaijan",
        "country_code": "AZ",
        "latitude": "39.3000",
        "longitude": "45.4000",
        "coordinates_approximate": True,
    },
    {
        "slug": "karabakh",
        "name": "Karabakh",
        "kind": "region",
        "parent": "azerbaijan",
        "country_code": "AZ",
        "latitude": "39.8000",
        "longitude": "46.7500",
        "coordinates_approximate": True,
    },
    {
        "slug": "alat-free-economic-zone",
        "name": "Alat Free Economic Zone",
        "kind": "site",
        "parent": "azerbaijan",
        "country_code": "AZ",
        "latitude": "39.9600",
        "longitude": "49.4000",
        "coordinates_approximate": True,
    },
    {
        "slug": "yunnan",
        "name": "Yunnan Province",
        "kind": "region",
        "parent": "china",
        "country_code": "CN",
        "latitude": "24.4753",
        "longitude": "101.3431",
        "coordinates_approximate": True,
    },
    {
        "slug": "malipo-county",
        "name": "Malipo County",
        "kind": "district",
        "parent": "yunnan",
        "country_code": "CN",
        "latitude": "23.1250",
        "longitude": "104.7000",
        "coordinates_approximate": True,
    },
    {
        "slug": "zhejiang",
        "name": "Zhejiang Province",
        "kind": "region",
        "parent": "china",
        "country_code": "CN",
        "latitude": "29.1832",
        "longitude": "120.0934",
        "coordinates_approximate": True,
    },
    {
        "slug": "jinhua",
        "name": "Jinhua",
        "kind": "city",
        "parent": "zhejiang",
        "country_code": "CN",
        "latitude": "29.0790",
        "longitude": "119.6474",
    },
    {
        "slug": "yiwu",
        "name": "Yiwu",
        "kind": "city",
        "parent": "zhejiang",
        "country_code": "CN",
        "latitude": "29.3069",
        "longitude": "120.0751",
    },
    {
        "slug": "beijing",
        "name": "Beijing",
        "kind": "city",
        "parent": "china",
        "country_code": "CN",
        "latitude": "39.9042",
        "longitude": "116.4074",
    },
    {
        "slug": "shenzhen",
        "name": "Shenzhen",
        "kind": "city",
        "parent": "china",
        "country_code": "CN",
        "latitude": "22.5431",
        "longitude": "114.0579",
    },
]


ORGANIZATIONS = [
    {
        "slug": "apa",
        "name": "APA news agency",
        "kind": "media",
        "country": "azerbaijan",
        "description": "Azerbaijani news agency that published the interview.",
        "citations": [{"locator": INTRO, "quote": INTERVIEW_GIVEN}],
    },
    {
        "slug": "government-of-china",
        "name": "Government of the People's Republic of China",
        "kind": "government",
        "country": "china",
        "citations": [{"locator": Q_HUMANITARIAN, "quote": VISA_AGREEMENT_SIGNED}],
    },
    {
        "slug": "government-of-azerbaijan",
        "name": "Government of the Republic of Azerbaijan",
        "kind": "government",
        "country": "azerbaijan",
        "citations": [{"locator": Q_HUMANITARIAN, "quote": VISA_AGREEMENT_SIGNED}],
    },
    {
        "slug": "chinese-embassy-azerbaijan",
        "name": "Embassy of the People's Republic of China in Azerbaijan",
        "kind": "embassy",
        "country": "china",
        "parent": "government-of-china",
        "description": (
            "Heydar Aliyev and Li Peng laid the foundation stone of the embassy's "
            "current building in 2000."
        ),
        "citations": [
            {"locator": Q_POLITICAL, "quote": EMBASSY_BUILDING},
            {"locator": Q_POLITICAL, "quote": FOUNDATION_STONE_2000},
        ],
    },
    {
        "slug": "presidential-administration-azerbaijan",
        "name": "Presidential Administration of the Republic of Azerbaijan",
        "kind": "government",
        "country": "azerbaijan",
        "parent": "government-of-azerbaijan",
        "description": (
            "Published a commemorative album on the 10th anniversary of diplomatic "
            "relations between China and Azerbaijan."
        ),
        "citations": [{"locator": Q_POLITICAL, "quote": MUSEUM_VISIT}],
    },
    {
        "slug": "azerbaijan-mfa",
        "name": "Ministry of Foreign Affairs of Azerbaijan",
        "kind": "ministry",
        "country": "azerbaijan",
        "parent": "government-of-azerbaijan",
        "citations": [{"locator": Q_TAIWAN, "quote": MFA_STATEMENT}],
    },
    {
        "slug": "anama",
        "name": "Azerbaijan National Agency for Mine Action",
        "acronym": "ANAMA",
        "kind": "government",
        "country": "azerbaijan",
        "parent": "government-of-azerbaijan",
        "description": (
            "Received financial assistance from China for humanitarian demining."
        ),
        "citations": [{"locator": Q_TRADE, "quote": DEMINING_MEMORANDUM}],
    },
    {
        "slug": "milli-majlis",
        "name": "Milli Majlis",
        "kind": "legislature",
        "country": "azerbaijan",
        "description": "The parliament of Azerbaijan.",
        "citations": [{"locator": Q_POLITICAL, "quote": SU_HUI_VISIT}],
    },
    {
        "slug": "heydar-aliyev-foundation",
        "name": "Heydar Aliyev Foundation",
        "kind": "foundation",
        "country": "azerbaijan",
        "description": (
            "China donated the equipment of the China–Azerbaijan Friendship Digital "
            "Classrooms through the foundation."
        ),
        "citations": [{"locator": Q_TRADE, "quote": DIGITAL_CLASSROOMS}],
    },
    {
        "slug": "heydar-aliyev-museum-nakhchivan",
        "name": "Heydar Aliyev Museum, Nakhchivan",
        "kind": "other",
        "country": "azerbaijan",
        "citations": [{"locator": Q_POLITICAL, "quote": MUSEUM_VISIT}],
    },
    {
        "slug": "azerbaijan-university-of-languages",
        "name": "Azerbaijan University of Languages",
        "kind": "university",
        "country": "azerbaijan",
        "citations": [{"locator": Q_POLITICAL, "quote": BOOK_PRESENTED}],
    },
    {
        "slug": "confucius-institute-aul",
        "name": "Confucius Institute at Azerbaijan University of Languages",
        "kind": "university",
        "country": "azerbaijan",
        "parent": "azerbaijan-university-of-languages",
        "citations": [{"locator": Q_POLITICAL, "quote": BOOK_PRESENTED}],
    },
    {
        "slug": "byd",
        "name": "BYD",
        "kind": "company",
        "country": "china",
        "description": (
            "Chinese company whose name the electric bus plant in Azerbaijan bears."
        ),
        "citations": [{"locator": Q_TRADE, "quote": BYD_BUSES}],
    },
    {
        "slug": "npc-standing-committee",
        "name": "Standing Committee of the National People's Congress",
        "kind": "legislature",
        "country": "china",
        "citations": [{"locator": Q_POLITICAL, "quote": FOUNDATION_STONE_2000}],
    },
    {
        "slug": "cppcc",
        "name": (
            "National Committee of the Chinese People's Political Consultative "
            "Conference"
        ),
        "acronym": "CPPCC",
        # A political advisory body: neither a party body nor part of the government.
        "kind": "other",
        "country": "china",
        "citations": [{"locator": Q_POLITICAL, "quote": SU_HUI_VISIT}],
    },
    {
        "slug": "malipo-second-primary-school",
        "name": "Second Primary School of Malipo County",
        "kind": "university",
        "country": "china",
        "description": (
            "Primary school in Malipo County, Yunnan Province, for which Azerbaijan "
            "allocated funds to build a playground."
        ),
        "citations": [{"locator": Q_TRADE, "quote": MALIPO_PLAYGROUND}],
    },
    {
        "slug": "united-nations",
        "name": "United Nations",
        "acronym": "UN",
        "kind": "international",
        "citations": [
            {"locator": Q_INTERNATIONAL, "quote": INTERNATIONAL_ORGANIZATIONS}
        ],
    },
    {
        "slug": "unfccc",
        "name": "United Nations Framework Convention on Climate Change",
        "acronym": "UNFCCC",
        "kind": "international",
        "parent": "united-nations",
        "description": (
            "Azerbaijan hosted the 29th session of its Conference of the Parties "
            "(COP29) in November 2024."
        ),
        "citations": [{"locator": Q_INTERNATIONAL, "quote": COP29}],
    },
    {
        "slug": "sco",
        "name": "Shanghai Cooperation Organisation",
        "acronym": "SCO",
        "kind": "international",
        "description": (
            "The ambassador says China and Azerbaijan support each other within the "
            "SCO and that China supports Azerbaijan's membership in it."
        ),
        "citations": [
            {"locator": Q_INTERNATIONAL, "quote": INTERNATIONAL_ORGANIZATIONS},
            {"locator": Q_INTERNATIONAL, "quote": SCO_AND_CICA},
        ],
    },
    {
        "slug": "cica",
        "name": "Conference on Interaction and Confidence-Building Measures in Asia",
        "acronym": "CICA",
        "kind": "international",
        "description": (
            "The ambassador says China supports Azerbaijan's activities during its "
            "chairmanship of CICA."
        ),
        "citations": [{"locator": Q_INTERNATIONAL, "quote": SCO_AND_CICA}],
    },
]


PEOPLE = [
    {
        "slug": "lu-mei",
        "name": "Lu Mei",
        "honorific": (
            "Ambassador Extraordinary and Plenipotentiary of the People's Republic of "
            "China to Azerbaijan"
        ),
        "country": "china",
        "bio": (
            "Ambassador of the People's Republic of China to Azerbaijan. She spoke to "
            "the APA news agency in an interview about China–Azerbaijan relations and "
            "prospects for future cooperation."
        ),
        "citations": [{"locator": INTRO, "quote": INTERVIEW_GIVEN}],
    },
    {
        "slug": "heydar-aliyev",
        "name": "Heydar Aliyev",
        "honorific": "National leader of Azerbaijan; President of Azerbaijan 1993–2003",
        "country": "azerbaijan",
        "bio": (
            "In 1994 he visited China and held talks with Jiang Zemin; in 2000, as "
            "President of Azerbaijan, he and Li Peng laid the foundation stone of the "
            "Chinese Embassy's building in Azerbaijan."
        ),
        "citations": [
            {"locator": Q_POLITICAL, "quote": VISIT_1994},
            {"locator": Q_POLITICAL, "quote": FOUNDATION_STONE_2000},
        ],
    },
    {
        "slug": "ilham-aliyev",
        "name": "Ilham Aliyev",
        "honorific": "President of Azerbaijan",
        "country": "azerbaijan",
        "bio": (
            "President of Azerbaijan since 2003. According to the interview he has "
            "visited China eight times, twice in 2025, and Xi Jinping has called him a "
            "long-term friend of the Chinese people."
        ),
        "citations": [
            {"locator": Q_POLITICAL, "quote": ILHAM_ALIYEV_SINCE_2003},
            {"locator": Q_POLITICAL, "quote": LONG_TERM_FRIEND},
        ],
    },
    {
        "slug": "xi-jinping",
        "name": "Xi Jinping",
        "honorific": "President of the People's Republic of China",
        "country": "china",
        "citations": [
            {"locator": Q_POLITICAL, "quote": LONG_TERM_FRIEND},
            {"locator": Q_INTERNATIONAL, "quote": CORE_INTERESTS_APRIL},
        ],
    },
    {
        "slug": "jiang-zemin",
        "name": "Jiang Zemin",
        "honorific": "Chairman of the People's Republic of China",
        "country": "china",
        "bio": "Held talks with Heydar Aliyev during his visit to China in 1994.",
        "citations": [{"locator": Q_POLITICAL, "quote": VISIT_1994}],
    },
    {
        "slug": "li-peng",
        "name": "Li Peng",
        "honorific": (
            "Chairman of the Standing Committee of the National People's Congress of "
            "China"
        ),
        "country": "china",
        "bio": (
            "With Heydar Aliyev, laid the foundation stone of the Chinese Embassy's "
            "building in Azerbaijan in 2000."
        ),
        "citations": [{"locator": Q_POLITICAL, "quote": FOUNDATION_STONE_2000}],
    },
    {
        "slug": "su-hui",
        "name": "Su Hui",
        "honorific": (
            "Vice Chairman of the National Committee of the Chinese People's "
            "Political Consultative Conference"
        ),
        "country": "china",
        "citations": [{"locator": Q_POLITICAL, "quote": SU_HUI_VISIT}],
    },
    {
        "slug": "ali-asadov",
        "name": "Ali Asadov",
        "honorific": "Prime Minister of Azerbaijan",
        "country": "azerbaijan",
        "citations": [{"locator": Q_POLITICAL, "quote": SU_HUI_VISIT}],
    },
    {
        "slug": "sahiba-gafarova",
        "name": "Sahiba Gafarova",
        "honorific": "Speaker of the Milli Majlis",
        "country": "azerbaijan",
        "citations": [{"locator": Q_POLITICAL, "quote": SU_HUI_VISIT}],
    },
    {
        "slug": "shahin-mustafayev",
        "name": "Shahin Mustafayev",
        "honorific": (
            "Deputy Prime Minister of Azerbaijan, coordinator of Azerbaijan–China "
            "trade and economic cooperation"
        ),
        "country": "azerbaijan",
        "citations": [{"locator": Q_POLITICAL, "quote": MUSTAFAYEV_VISITS}],
    },
    {
        "slug": "rafiq-abbasov",
        "name": "Rafiq Abbasov",
        "honorific": (
            "Professor, Director of the Confucius Institute at Azerbaijan University "
            "of Languages"
        ),
        "country": "azerbaijan",
        "bio": (
            "Author of the book “Azerbaijan and China – Presidential Chronicle "
            "(2003–2025)”, presented on 24 December 2025."
        ),
        "citations": [{"locator": Q_POLITICAL, "quote": BOOK_PRESENTED}],
    },
]


AMBASSADOR = "Ambassador of the People's Republic of China to Azerbaijan"

EVENTS = [
    {
        "slug": "heydar-aliyev-visit-to-china-1994",
        "title": "Heydar Aliyev's visit to China and talks with Jiang Zemin",
        "summary": (
            "Heydar Aliyev, national leader of Azerbaijan, visited China and held "
            "talks with Jiang Zemin, then Chairman of the People's Republic of China. "
            "The ambassador describes the visit as laying the foundation for the "
            "development of China–Azerbaijan relations."
        ),
        "kind": "state_visit",
        "date": "1994",
        "place": "china",
        "participants": [
            {
                "person": "heydar-aliyev",
                "role": "national leader of Azerbaijan",
                "side": "az",
            },
            {
                "person": "jiang-zemin",
                "role": "then Chairman of the People's Republic of China",
                "side": "cn",
            },
        ],
        "citations": [{"locator": Q_POLITICAL, "quote": VISIT_1994}],
    },
    {
        "slug": "chinese-embassy-foundation-stone-2000",
        "title": "Foundation stone of the Chinese Embassy's building laid",
        "summary": (
            "Heydar Aliyev, then President of Azerbaijan, and Li Peng, then Chairman "
            "of the Standing Committee of the National People's Congress of China, "
            "jointly laid the foundation stone of the building that houses the "
            "Chinese Embassy in Azerbaijan today."
        ),
        "body": (
            "The interview does not name the city; the event is placed in Baku, where "
            "the embassy stands."
        ),
        "kind": "ceremony",
        "date": "2000",
        "place": "baku",
        "participants": [
            {
                "person": "heydar-aliyev",
                "role": "then President of Azerbaijan",
                "side": "az",
            },
            {
                "person": "li-peng",
                "role": (
                    "then Chairman of the Standing Committee of the National People's "
                    "Congress of China"
                ),
                "side": "cn",
            },
        ],
        "organizations": ["chinese-embassy-azerbaijan", "npc-standing-committee"],
        "citations": [
            {"locator": Q_POLITICAL, "quote": FOUNDATION_STONE_2000},
            {"locator": Q_POLITICAL, "quote": EMBASSY_BUILDING},
        ],
    },
    {
        "slug": "cop29-baku-climate-finance-2024",
        "title": (
            "COP29: Chinese and Azerbaijani delegations advance the post-2025 climate "
            "finance goal"
        ),
        "summary": (
            "At the 29th UN climate change conference (COP29), hosted by Azerbaijan, "
            "the Chinese and Azerbaijani delegations worked closely together on the "
            "post-2025 climate finance goal. The ambassador calls the outcome the "
            "historic “Baku breakthrough”."
        ),
        "body": (
            "The interview says that Azerbaijan hosted COP29; the conference was held "
            "in Baku, hence the place."
        ),
        "kind": "multilateral",
        "date": "2024-11",
        "place": "baku",
        "organizations": ["unfccc"],
        "citations": [{"locator": Q_INTERNATIONAL, "quote": COP29}],
    },
    {
        "slug": "ilham-aliyev-state-visit-to-china-april-2025",
        "title": "Ilham Aliyev's state visit to China and meeting with Xi Jinping",
        "summary": (
            "During President Ilham Aliyev's visit to China, he and President Xi "
            "Jinping witnessed the signing of the agreement abolishing visas for "
            "holders of ordinary passports. Xi Jinping said that firm mutual support "
            "on each other's core interests is an essential element of the two "
            "countries' strategic partnership."
        ),
        "body": (
            "The interview says the two leaders signed the Joint Declaration on the "
            "establishment of a comprehensive strategic partnership in 2025 without "
            "naming the visit; it is recorded as signed at this one. President Aliyev "
            "was accompanied by his spouse and family members, and reaffirmed "
            "Azerbaijan's commitment to the one-China principle."
        ),
        "kind": "state_visit",
        "date": "2025-04",
        "place": "china",
        "participants": [
            {"person": "ilham-aliyev", "role": "President of Azerbaijan", "side": "az"},
            {
                "person": "xi-jinping",
                "role": "President of the People's Republic of China",
                "side": "cn",
            },
        ],
        "citations": [
            {"locator": Q_HUMANITARIAN, "quote": VISA_AGREEMENT_SIGNED},
            {"locator": Q_INTERNATIONAL, "quote": CORE_INTERESTS_APRIL},
            {"locator": Q_POLITICAL, "quote": TWO_VISITS_2025},
            {"locator": Q_POLITICAL, "quote": FAMILY_ON_BOTH_VISITS},
            {"locator": Q_TAIWAN, "quote": TWO_MEETINGS_ONE_CHINA},
        ],
    },
    {
        "slug": "ilham-aliyev-second-visit-to-china-2025",
        "title": "Ilham Aliyev's second visit to China in 2025",
        "summary": (
            "President Ilham Aliyev visited China a second time in 2025 and met "
            "President Xi Jinping, again reaffirming Azerbaijan's commitment to the "
            "one-China principle. The interview gives neither the date nor the city."
        ),
        "body": (
            "As on his April visit, President Aliyev was accompanied by his spouse and "
            "family members. The interview does not describe the kind of visit; it is "
            "recorded as a meeting, which is what it reports."
        ),
        "kind": "talks",
        "date": "2025",
        "place": "china",
        "participants": [
            {"person": "ilham-aliyev", "role": "President of Azerbaijan", "side": "az"},
            {
                "person": "xi-jinping",
                "role": "President of the People's Republic of China",
                "side": "cn",
            },
        ],
        "citations": [
            {"locator": Q_POLITICAL, "quote": TWO_VISITS_2025},
            {"locator": Q_POLITICAL, "quote": FAMILY_ON_BOTH_VISITS},
            {"locator": Q_TAIWAN, "quote": TWO_MEETINGS_ONE_CHINA},
        ],
    },
    {
        "slug": "su-hui-visit-to-azerbaijan-2025",
        "title": "CPPCC Vice Chairman Su Hui visits Azerbaijan",
        "summary": (
            "Su Hui, Vice Chairman of the National Committee of the Chinese People's "
            "Political Consultative Conference, visited Azerbaijan and held talks with "
            "Prime Minister Ali Asadov and Milli Majlis Speaker Sahiba Gafarova on "
            "implementing the agreements reached by the heads of state."
        ),
        "kind": "official_visit",
        "date": "2025-09",
        "place": "azerbaijan",
        "participants": [
            {
                "person": "su-hui",
                "role": (
                    "Vice Chairman of the National Committee of the Chinese People's "
                    "Political Consultative Conference"
                ),
                "side": "cn",
            },
            {"person": "ali-asadov", "role": "Prime Minister", "side": "az"},
            {
                "person": "sahiba-gafarova",
                "role": "Speaker of the Milli Majlis",
                "side": "az",
            },
        ],
        "organizations": ["cppcc", "milli-majlis"],
        "citations": [{"locator": Q_POLITICAL, "quote": SU_HUI_VISIT}],
    },
    {
        "slug": "shahin-mustafayev-visit-to-china-2025-first",
        "title": "Shahin Mustafayev's visit to China (first of two in 2025)",
        "summary": (
            "Deputy Prime Minister Shahin Mustafayev, coordinator of Azerbaijan–China "
            "trade and economic cooperation, visited China twice in 2025 to promote "
            "pragmatic cooperation; this is the first of the two visits."
        ),
        "body": (
            "The interview gives neither visit's date, so both are recorded by year "
            "only; “first” and “second” follow the order of the two visits, not "
            "known dates."
        ),
        "kind": "official_visit",
        "date": "2025",
        "place": "china",
        "participants": [
            {
                "person": "shahin-mustafayev",
                "role": (
                    "Deputy Prime Minister, coordinator of Azerbaijan–China trade and "
                    "economic cooperation"
                ),
                "side": "az",
            }
        ],
        "citations": [{"locator": Q_POLITICAL, "quote": MUSTAFAYEV_VISITS}],
    },
    {
        "slug": "shahin-mustafayev-visit-to-china-2025-second",
        "title": "Shahin Mustafayev's visit to China (second of two in 2025)",
        "summary": (
            "Deputy Prime Minister Shahin Mustafayev, coordinator of Azerbaijan–China "
            "trade and economic cooperation, visited China twice in 2025 to promote "
            "pragmatic cooperation; this is the second of the two visits."
        ),
        "body": (
            "The interview gives neither visit's date, so both are recorded by year "
            "only; “first” and “second” follow the order of the two visits, not "
            "known dates."
        ),
        "kind": "official_visit",
        "date": "2025",
        "place": "china",
        "participants": [
            {
                "person": "shahin-mustafayev",
                "role": (
                    "Deputy Prime Minister, coordinator of Azerbaijan–China trade and "
                    "economic cooperation"
                ),
                "side": "az",
            }
        ],
        "citations": [{"locator": Q_POLITICAL, "quote": MUSTAFAYEV_VISITS}],
    },
    {
        "slug": "nakhchivan-distance-learning-handover-2025",
        "title": (
            "Handover of Chinese-financed distance-learning equipment in Nakhchivan"
        ),
        "summary": (
            "Ambassador Lu Mei attended a ceremony in the Nakhchivan Autonomous "
            "Republic for the handover of distance-learning equipment financed by "
            "China, with which 216 schools in Nakhchivan were equipped."
        ),
        "kind": "ceremony",
        "date": "2025-11",
        "place": "nakhchivan",
        "participants": [{"person": "lu-mei", "role": AMBASSADOR, "side": "cn"}],
        "citations": [{"locator": Q_TRADE, "quote": NAKHCHIVAN_SCHOOLS}],
    },
    {
        "slug": "presidential-chronicle-book-presentation-2025",
        "title": (
            "Presentation of the book “Azerbaijan and China – Presidential Chronicle "
            "(2003–2025)”"
        ),
        "summary": (
            "Ambassador Lu Mei attended the presentation of a new book by Professor "
            "Rafiq Abbasov that documents the key events in China–Azerbaijan "
            "relations since Ilham Aliyev took office as President of Azerbaijan."
        ),
        "body": "The interview does not say where the presentation took place.",
        "kind": "cultural",
        "date": "2025-12-24",
        "participants": [
            {"person": "lu-mei", "role": AMBASSADOR, "side": "cn"},
            {
                "person": "rafiq-abbasov",
                "role": (
                    "author; Director of the Confucius Institute at Azerbaijan "
                    "University of Languages"
                ),
                "side": "az",
            },
        ],
        "citations": [
            {"locator": Q_POLITICAL, "quote": BOOK_PRESENTED},
            {
                "locator": Q_POLITICAL,
                "quote": (
                    "The book carefully documents the key events in China–Azerbaijan "
                    "relations since Ilham Aliyev assumed office as President of "
                    "Azerbaijan, and throughout its content it reflects President "
                    "Aliyev’s sincere friendship with China."
                ),
            },
        ],
    },
    {
        "slug": "azerbaijan-mfa-statement-one-china",
        "title": (
            "Azerbaijan's Foreign Ministry reaffirms its support for the one-China "
            "principle"
        ),
        "summary": (
            "Immediately after the United States announced large-scale arms sales to "
            "Taiwan, the Ministry of Foreign Affairs of Azerbaijan issued a public "
            "statement reaffirming its firm support for the one-China principle and "
            "its non-recognition of “Taiwan independence”."
        ),
        "body": (
            "The date is approximate. The interview, given in 2026, says only that the "
            "US announcement was recent and that the statement followed it "
            "immediately; it gives no date and no place. The statement is therefore "
            "recorded as c. 2025. The ambassador adds that Azerbaijan was among the "
            "first countries to openly support this position."
        ),
        "kind": "statement",
        "date": "2025",
        "date_approximate": True,
        "organizations": ["azerbaijan-mfa"],
        "citations": [{"locator": Q_TAIWAN, "quote": MFA_STATEMENT}],
    },
    {
        "slug": "lu-mei-heydar-aliyev-museum-visit",
        "title": "Ambassador Lu Mei visits the Heydar Aliyev Museum in Nakhchivan",
        "summary": (
            "During a visit to the Nakhchivan Autonomous Republic, Ambassador Lu Mei "
            "visited the Heydar Aliyev Museum, whose director showed her a "
            "commemorative album published by the Presidential Administration of "
            "Azerbaijan for the 10th anniversary of diplomatic relations between China "
            "and Azerbaijan."
        ),
        "body": (
            "The interview, given in 2026, says only that the visit was recent; it is "
            "recorded as c. 2025."
        ),
        "kind": "cultural",
        "date": "2025",
        "date_approximate": True,
        "place": "nakhchivan",
        "participants": [{"person": "lu-mei", "role": AMBASSADOR, "side": "cn"}],
        "organizations": ["heydar-aliyev-museum-nakhchivan"],
        "citations": [{"locator": Q_POLITICAL, "quote": MUSEUM_VISIT}],
    },
    {
        "slug": "lu-mei-apa-interview",
        "title": "Ambassador Lu Mei's interview with APA on China–Azerbaijan relations",
        "summary": (
            "The PRC ambassador to Azerbaijan, Lu Mei, spoke to the APA news agency "
            "about China–Azerbaijan relations and prospects for future cooperation."
        ),
        "body": (
            "The interview covers political dialogue, trade and investment, the Belt "
            "and Road Initiative and the Middle Corridor, cultural and educational "
            "exchanges, cooperation within international organisations, the Fourth "
            "Plenary Session of the 20th Central Committee of the Communist Party of "
            "China and the Taiwan question. Its publication date is not given; the "
            "year 2026 is inferred from the text, which speaks of 2025 as last year."
        ),
        "kind": "statement",
        "date": "2026",
        "participants": [{"person": "lu-mei", "role": AMBASSADOR, "side": "cn"}],
        "organizations": ["apa"],
        "citations": [{"locator": INTRO, "quote": INTERVIEW_GIVEN}],
    },
]


AGREEMENTS = [
    {
        "slug": "china-azerbaijan-comprehensive-strategic-partnership-declaration-2025",
        "title": (
            "Joint Declaration on the establishment of a comprehensive strategic "
            "partnership between China and Azerbaijan"
        ),
        "summary": (
            "Signed by the leaders of China and Azerbaijan in 2025, the declaration "
            "establishes a comprehensive strategic partnership. In it the Azerbaijani "
            "side recognises that there is only one China and that Taiwan is an "
            "inalienable part of China's territory."
        ),
        "body": (
            "The interview says the leaders signed the declaration in 2025, the year "
            "of President Ilham Aliyev's two visits to China, without naming the "
            "visit; it is recorded as signed during the April 2025 visit."
        ),
        "kind": "declaration",
        "signed_on": "2025-04",
        "event": "ilham-aliyev-state-visit-to-china-april-2025",
        "parties": ["government-of-china", "government-of-azerbaijan"],
        "citations": [
            {"locator": Q_POLITICAL, "quote": TWO_VISITS_2025},
            {"locator": Q_TAIWAN, "quote": JOINT_DECLARATION_TAIWAN},
        ],
    },
    {
        "slug": "china-azerbaijan-visa-abolition-agreement-2025",
        "title": (
            "Agreement between the Government of the People's Republic of China and "
            "the Government of the Republic of Azerbaijan on the mutual abolition of "
            "visas for holders of ordinary passports"
        ),
        "summary": (
            "Signed during President Ilham Aliyev's visit to China, with both heads "
            "of state witnessing, the agreement abolishes visas for holders of "
            "ordinary passports of the two countries. The ambassador says mutual "
            "tourist visits have grown under the visa-free regime."
        ),
        "kind": "agreement",
        "signed_on": "2025-04",
        "event": "ilham-aliyev-state-visit-to-china-april-2025",
        "parties": ["government-of-china", "government-of-azerbaijan"],
        "citations": [
            {"locator": Q_HUMANITARIAN, "quote": VISA_AGREEMENT_SIGNED},
            {
                "locator": Q_HUMANITARIAN,
                "quote": (
                    "Thanks to the visa-free regime, mutual tourist visits from both "
                    "countries continue to increase."
                ),
            },
        ],
    },
    {
        "slug": "humanitarian-demining-memorandum",
        "title": (
            "Memorandum of Understanding on strengthening cooperation in humanitarian "
            "demining"
        ),
        "summary": (
            "A memorandum signed with the participation of the heads of state of China "
            "and Azerbaijan, under which China has provided financial assistance to "
            "the Azerbaijan National Agency for Mine Action. The interview does not "
            "say when it was signed or by whom."
        ),
        "kind": "memorandum",
        "citations": [{"locator": Q_TRADE, "quote": DEMINING_MEMORANDUM}],
    },
    {
        "slug": "new-energy-projects-cooperation-documents",
        "title": "Cooperation documents on five new-energy projects",
        "summary": (
            "Several Chinese companies have signed cooperation documents with "
            "Azerbaijan for five new-energy projects, including photovoltaic and wind "
            "power plants, with a total installed capacity of 1,570 MW. The interview "
            "names neither the companies nor the date of signing."
        ),
        "kind": "other",
        "citations": [{"locator": Q_TRADE, "quote": NEW_ENERGY_DOCUMENTS}],
    },
]


PROJECTS = [
    {
        "slug": "byd-electric-bus-plant",
        "title": "BYD electric bus plant in Azerbaijan",
        "summary": (
            "An electric bus plant the interview calls “the BYD plant in Azerbaijan”. "
            "Its first batch of 50 electric buses has been delivered, and 300 of its "
            "buses were put into operation in Baku, Nakhchivan and Karabakh in 2025."
        ),
        "body": (
            "The interview only calls it “the BYD plant in Azerbaijan”: it does not "
            "say where the plant stands, when it opened, or what BYD's part in it is, "
            "so BYD is listed as the implementing partner. Baku, Nakhchivan and "
            "Karabakh are where its buses run."
        ),
        "sector": "manufacturing-industry",
        "project_status": "operational",
        "direction": "cn_az",
        "places": ["azerbaijan", "baku", "nakhchivan", "karabakh"],
        "partners": [{"organization": "byd", "role": "implementer"}],
        "milestones": [
            {
                "title": (
                    "300 electric buses manufactured at the plant put into operation "
                    "in Baku, Nakhchivan and Karabakh"
                ),
                "date": "2025",
            },
            {
                "title": (
                    "First batch of 50 electric buses produced at the plant delivered"
                ),
            },
        ],
        "featured": True,
        "citations": [{"locator": Q_TRADE, "quote": BYD_BUSES}],
    },
    {
        "slug": "five-new-energy-projects-1570-mw",
        "title": "Five new-energy projects with a total capacity of 1,570 MW",
        "summary": (
            "Five photovoltaic and wind power projects that several Chinese companies "
            "have agreed with Azerbaijan, with a total installed capacity of 1,570 MW. "
            "The ambassador says that, once fully operational, they will double "
            "Azerbaijan's electricity generation capacity from renewable sources."
        ),
        "body": "The interview names neither the companies nor the sites.",
        "sector": "renewable-energy",
        "project_status": "agreed",
        "direction": "cn_az",
        "places": ["azerbaijan"],
        "capacity_value": "1570",
        "capacity_unit": "MW",
        "agreements": ["new-energy-projects-cooperation-documents"],
        "featured": True,
        "citations": [
            {"locator": Q_TRADE, "quote": NEW_ENERGY_DOCUMENTS},
            {
                "locator": Q_TRADE,
                "quote": (
                    "Once fully operational, these projects will double Azerbaijan’s "
                    "electricity generation capacity from renewable energy sources."
                ),
            },
        ],
    },
    {
        "slug": "wind-power-plant-240-mw",
        "title": (
            "240 MW wind power plant, Azerbaijan's first large-scale wind energy "
            "project"
        ),
        "summary": (
            "Azerbaijan's first large-scale wind energy project, a 240 MW wind power "
            "plant implemented by a Chinese company, has been commissioned. The "
            "interview does not name the company, so no partner is recorded."
        ),
        "sector": "renewable-energy",
        "project_status": "operational",
        "direction": "cn_az",
        "places": ["azerbaijan"],
        "capacity_value": "240",
        "capacity_unit": "MW",
        "milestones": [{"title": "Wind power plant commissioned"}],
        "featured": True,
        "citations": [
            {
                "locator": Q_TRADE,
                "quote": (
                    "Azerbaijan’s first large-scale wind energy project—a 240 MW wind "
                    "power plant implemented by a Chinese company—has already been "
                    "commissioned."
                ),
            }
        ],
    },
    {
        "slug": "alat-solar-panel-factory-3-gw",
        "title": "3 GW solar panel factory in the Alat Free Economic Zone",
        "summary": (
            "Chinese companies will build a solar panel manufacturing project with a "
            "capacity of 3 GW in the Alat Free Economic Zone, using private capital. "
            "The interview does not name the companies."
        ),
        "sector": "manufacturing-industry",
        "project_status": "announced",
        "direction": "cn_az",
        "places": ["alat-free-economic-zone"],
        "capacity_value": "3",
        "capacity_unit": "GW",
        "citations": [
            {
                "locator": Q_TRADE,
                "quote": (
                    "Chinese companies will also build a solar panel manufacturing "
                    "project with a capacity of 3 GW in the Alat Free Economic Zone "
                    "using private capital, which will open broad opportunities for "
                    "the development of Azerbaijan’s high-tech processing industry."
                ),
            }
        ],
    },
    {
        "slug": "anama-demining-assistance",
        "title": "Chinese financial assistance for humanitarian demining in Azerbaijan",
        "summary": (
            "Under the memorandum on humanitarian demining, China has provided "
            "financial assistance to the Azerbaijan National Agency for Mine Action "
            "(ANAMA), helping to enhance demining capacity in the liberated "
            "territories."
        ),
        "body": (
            "The interview gives neither the amount nor the dates of the assistance, "
            "and names the area only as “the liberated territories”, so the project "
            "is placed in Azerbaijan as a whole."
        ),
        "sector": "humanitarian-demining",
        "project_status": "completed",
        "direction": "cn_az",
        "places": ["azerbaijan"],
        "partners": [
            {"organization": "government-of-china", "role": "donor"},
            {"organization": "anama", "role": "beneficiary"},
        ],
        "agreements": ["humanitarian-demining-memorandum"],
        "citations": [
            {"locator": Q_TRADE, "quote": DEMINING_MEMORANDUM},
            {
                "locator": Q_TRADE,
                "quote": (
                    "This assistance has contributed to enhancing demining capacity in "
                    "the liberated territories, supporting reconstruction efforts, and "
                    "ensuring the safety of local residents."
                ),
            },
        ],
    },
    {
        "slug": "friendship-digital-classrooms-khazar",
        "title": "China–Azerbaijan Friendship Digital Classrooms in Khazar district",
        "summary": (
            "Through the Heydar Aliyev Foundation, China donated Chinese-made "
            "electronic equipment to two orphanages in the Khazar district of Baku, "
            "creating “China–Azerbaijan Friendship Digital Classrooms” for young "
            "people with limited opportunities."
        ),
        "sector": "education",
        "project_status": "completed",
        "direction": "cn_az",
        "places": ["khazar-district"],
        "partners": [
            {"organization": "government-of-china", "role": "donor"},
            {"organization": "heydar-aliyev-foundation", "role": "implementer"},
        ],
        "citations": [
            {"locator": Q_TRADE, "quote": DIGITAL_CLASSROOMS},
            {
                "locator": Q_TRADE,
                "quote": (
                    "This project has helped Azerbaijani youth with limited "
                    "opportunities better adapt to the digital era."
                ),
            },
        ],
    },
    {
        "slug": "nakhchivan-distance-learning-216-schools",
        "title": "Distance-learning equipment for 216 schools in Nakhchivan",
        "summary": (
            "China financed distance-learning equipment for 216 schools in the "
            "Nakhchivan Autonomous Republic, improving learning conditions for local "
            "students; the equipment was handed over at a ceremony in November 2025."
        ),
        "sector": "education",
        "project_status": "completed",
        "direction": "cn_az",
        "places": ["nakhchivan"],
        "capacity_value": "216",
        "capacity_unit": "schools",
        "partners": [{"organization": "government-of-china", "role": "donor"}],
        "milestones": [
            {
                "title": "Handover ceremony of the distance-learning equipment",
                "date": "2025-11",
            }
        ],
        "events": ["nakhchivan-distance-learning-handover-2025"],
        "featured": True,
        "citations": [{"locator": Q_TRADE, "quote": NAKHCHIVAN_SCHOOLS}],
    },
    {
        "slug": "malipo-primary-school-playground",
        "title": "Playground for the Second Primary School of Malipo County, Yunnan",
        "summary": (
            "Azerbaijan allocated funds for the construction of a playground for the "
            "Second Primary School in Malipo County, Yunnan Province, in one of "
            "China's remote mountainous regions. The interview does not say whether "
            "the playground has been built."
        ),
        "sector": "education",
        "project_status": "agreed",
        "direction": "az_cn",
        "places": ["malipo-county"],
        "partners": [
            {"organization": "government-of-azerbaijan", "role": "donor"},
            {"organization": "malipo-second-primary-school", "role": "beneficiary"},
        ],
        "citations": [{"locator": Q_TRADE, "quote": MALIPO_PLAYGROUND}],
    },
    {
        "slug": "trans-caspian-freight-trains-middle-corridor",
        "title": "Trans-Caspian freight trains from China to Azerbaijan",
        "summary": (
            "Freight trains from China to Azerbaijan on the Trans-Caspian route of the "
            "Middle Corridor: 351 were dispatched in January–November 2025, and the "
            "first trains from Jinhua and Yiwu, Beijing and Shenzhen started running "
            "in 2025."
        ),
        "body": (
            "The ambassador says cargo from China has become the main source of "
            "freight for the Middle Corridor."
        ),
        "sector": "transport-logistics",
        "project_status": "operational",
        "direction": "cn_az",
        "places": ["china", "azerbaijan", "jinhua", "yiwu", "beijing", "shenzhen"],
        "milestones": [
            {
                "title": (
                    "First Trans-Caspian freight trains from Jinhua and Yiwu "
                    "(Zhejiang), Beijing and Shenzhen put into operation"
                ),
                "date": "2025",
            }
        ],
        "featured": True,
        "citations": [
            {"locator": Q_BELT_AND_ROAD, "quote": FREIGHT_TRAINS},
            {"locator": Q_BELT_AND_ROAD, "quote": NEW_TRAIN_ROUTES},
            {
                "locator": Q_BELT_AND_ROAD,
                "quote": (
                    "Cargo transported from China has become the main source of "
                    "freight for the Middle Corridor, significantly enhancing its "
                    "development potential."
                ),
            },
        ],
    },
]


# Listed in the order the key figures appear on the site.
# "period" is (first, last) as partial dates; both share the precision.
INDICATORS = [
    {
        "slug": "trade-turnover",
        "name": "China–Azerbaijan trade turnover",
        "currency": "USD",
        "description": (
            "The value of trade between China and Azerbaijan in US dollars, as given "
            "by the PRC ambassador; the interview does not name the statistics it "
            "draws on. She expected the 2025 year-end figure to set a new record, the "
            "third record year in a row."
        ),
        "citations": [
            {
                "locator": Q_TRADE,
                "quote": (
                    "It is expected that the year-end figure will set a new historical "
                    "record. This will also mark the third consecutive year in which "
                    "bilateral trade volume has reached a record high."
                ),
            }
        ],
        "observations": [
            {
                "period": ("2025-01", "2025-10"),
                "value": "2440000000",
                "change_percent": "21.9",
                "citations": [
                    {
                        "locator": Q_TRADE,
                        "quote": (
                            "In January–October 2025, trade turnover between China "
                            "and Azerbaijan reached USD 2.44 billion, which is 21.9 "
                            "percent higher compared to the same period of the "
                            "previous year."
                        ),
                    }
                ],
            }
        ],
    },
    {
        "slug": "trans-caspian-freight-trains",
        "name": "Trans-Caspian freight trains from China to Azerbaijan",
        "unit": "trains",
        "description": (
            "Freight trains dispatched from China to Azerbaijan on the Trans-Caspian "
            "route of the Middle Corridor, as given by the PRC ambassador."
        ),
        "citations": [{"locator": Q_BELT_AND_ROAD, "quote": FREIGHT_TRAINS}],
        "observations": [
            {
                "period": ("2025-01", "2025-11"),
                "value": "351",
                "change_percent": "34",
                "note": (
                    "The interview compares with “the previous year” without saying "
                    "whether it means the same months."
                ),
                "citations": [{"locator": Q_BELT_AND_ROAD, "quote": FREIGHT_TRAINS}],
            }
        ],
    },
    {
        "slug": "chinese-tourists",
        "name": "Chinese tourists visiting Azerbaijan",
        "unit": "tourists",
        "description": (
            "Chinese tourists visiting Azerbaijan, as given by the PRC ambassador, "
            "who links their growth to the visa-free regime."
        ),
        "citations": [{"locator": Q_HUMANITARIAN, "quote": TOURISTS}],
        "observations": [
            {
                "period": ("2025-01", "2025-10"),
                "value": "57000",
                "value_qualifier": "more_than",
                "change_percent": "50",
                "change_qualifier": "about",
                "citations": [{"locator": Q_HUMANITARIAN, "quote": TOURISTS}],
            }
        ],
    },
    {
        "slug": "chinese-language-learners",
        "name": "People in Azerbaijan registered to study Chinese",
        "unit": "people",
        "description": (
            "People in Azerbaijan registered to study the Chinese language, as given "
            "by the PRC ambassador."
        ),
        "citations": [
            {
                "locator": Q_HUMANITARIAN,
                "quote": (
                    "Currently, more than 8,000 people in Azerbaijan have registered "
                    "to study Chinese, and an increasing number of Azerbaijani "
                    "universities are offering Chinese language courses."
                ),
            }
        ],
        "observations": [
            {
                "period": ("2026", "2026"),
                "value": "8000",
                "value_qualifier": "more_than",
                "note": "As stated at the time of the interview",
                "citations": [
                    {
                        "locator": Q_HUMANITARIAN,
                        "quote": (
                            "Currently, more than 8,000 people in Azerbaijan have "
                            "registered to study Chinese"
                        ),
                    }
                ],
            }
        ],
    },
    {
        "slug": "ilham-aliyev-visits-to-china",
        "name": "President Ilham Aliyev's visits to China",
        "unit": "visits",
        "description": (
            "Visits President Ilham Aliyev has made to China since taking office in "
            "2003, as counted by the PRC ambassador."
        ),
        "citations": [{"locator": Q_POLITICAL, "quote": ILHAM_ALIYEV_SINCE_2003}],
        "observations": [
            {
                "period": ("2003", "2025"),
                "value": "8",
                "note": (
                    "Cumulative since he took office in 2003, as stated in the "
                    "interview"
                ),
                "citations": [
                    {"locator": Q_POLITICAL, "quote": ILHAM_ALIYEV_SINCE_2003}
                ],
            }
        ],
    },
]
