"""Small invented articles about other events (no seed knowledge), shared by the analyse tests."""

TRADE = """Brazil and Japan resume farm trade talks

Brazilian Agriculture Minister Carla Mendes met Japan's Deputy Trade Minister Kenji Watanabe in Tokyo on Tuesday for a second round of negotiations on beef and soybean tariffs.

"We came here to open markets, not to close them," Mendes told reporters after the meeting. "Our farmers have waited long enough."

She said Brazil wants Japan to cut its tariff on frozen beef to 20 percent by 2027.

Watanabe called the proposals "premature" and said Tokyo will not accept any deal that hurts Japanese rice growers. The minister said: "We need more time to study the figures."

Mendes urged the Japanese government to publish its import quotas. The next round will be held in Brasilia on March 3.

Maria Costa and Peter Lang contributed to this report.
"""

CEASEFIRE = """Rivals agree to extend ceasefire in northern region

The United Nations envoy for the region, Amina Diallo, said on Friday that both sides had agreed to extend the ceasefire by thirty days.

"This is a fragile truce, but it is holding," the UN envoy said. "Nobody wants a return to fighting.

"The parties must now open the roads to aid convoys."

Commander Omar Haddad, who leads the rebel delegation, rejected calls to disarm. He said his fighters would keep their weapons until a political deal is signed.

The government in Khartoum has demanded that the rebels withdraw from the city of Kadugli. The rebels called the demand "unacceptable".

Talks began in Geneva two weeks ago, and a third round is planned for next week.
"""

SUMMIT = """Leaders pledge action at Pacific summit

Australian Prime Minister Daniel Reed and New Zealand's Foreign Minister Sarah Whitfield opened the Pacific Islands Forum (PIF) summit in Suva on Monday.

The Pacific Islands Forum called on industrialised nations to cut emissions faster. Reed said Australia would back a regional climate fund.

"We stand with our Pacific family," the prime minister said. He added that Canberra would double its aid next year.

Whitfield welcomed the pledge. "It is a good start," she said, "but the PIF needs more than promises."

Fiji's Prime Minister Josaia Tuilagi said the forum would meet again in December 2025.

Photo: Lisa Brandt / Pacific Wire
"""
