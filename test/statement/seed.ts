/**
 * The foundation's privacy statement as published (../shared/seed/privacyverklaring-kopgroep.txt),
 * copied verbatim line by line so the tests can check the JSON conversion is faithful without
 * reading files outside the test server's root. Bullets ("• ") are kept as in the source.
 */

/** Every non-empty line of the seed, trimmed. */
export const SEED_LINES: readonly string[] = [
  'Privacyverklaring',
  'Hoe gaan wij om met uw privacy?',
  'Voor Stichting KopGroep Bibliotheken is de bescherming van uw persoonsgegevens belangrijk. Wij respecteren uw privacy en zorgen ervoor dat de persoonlijke informatie die u (in de bibliotheek, via de website of anderszins) aan ons verschaft vertrouwelijk wordt behandeld. We trainen onze medewerkers en vrijwilligers in het omgaan met privacy.',
  'Wat zijn persoonsgegevens?',
  'In deze privacyverklaring leggen we uit hoe we omgaan met de persoonsgegevens die wij verwerken. Persoonsgegevens zijn alle gegevens die direct of indirect tot u te herleiden zijn. U kunt hierbij denken aan: naam, adres, gekochte toegangskaarten, leenhistorie of voorkeuren die u bij ons heeft opgegeven.',
  'Doeleinden van de verwerking',
  'Wij verwerken uw persoonsgegevens voor de volgende doeleinden:',
  '• Voor het uitvoeren van het door u afgesloten bibliotheekabonnement, waaronder de registratie van de door u geleende en geretourneerde werken uit onze collectie en het incasseren van de contributie. De persoonsgegevens worden twee jaar na beëindiging van het abonnement automatisch verwijderd.',
  '• Om aanvullende diensten aan te kunnen bieden via onlinebibliotheek.nl (e-books, de Luisterbieb en online cursussen) en het lenen bij andere bibliotheken.',
  '• Om met u in contact te treden en te reageren op door u gestelde vragen.',
  '• Om u te informeren over praktische zaken rondom een activiteit (als u zich hiervoor heeft aangemeld) of een vervolg daarop.',
  '• Om u te informeren over wijzigingen in onze dienstverlening.',
  '• Voor het verzenden van digitale nieuwsbrieven (als u zich hiervoor heeft aangemeld).',
  '• Voor het verbeteren van onze website en onze dienstverlening.',
  '• Om marktonderzoek te doen, zodat we beter kunnen inspelen op uw wensen.',
  '• Voor de naleving van wettelijke verplichtingen.',
  'Het anderszins verwerken van uw persoonsgegevens gebeurt alleen wanneer u ons daarvoor ondubbelzinnig toestemming heeft verleend.',
  'Doorgifte aan derden',
  'Uw gegevens zijn bij ons in vertrouwde handen. Er worden geen persoonsgegevens met derden gedeeld, tenzij dit nodig is voor onze dienstverlening of als er een wettelijke plicht op rust.',
  'In de volgende situaties kan doorgifte aan derden wel plaatsvinden:',
  '• Lenen bij een andere bibliotheek',
  '• Bij aanmelding op onlinebibliotheek.nl',
  '• Bij door ons ingeschakelde leveranciers',
  '• Op grond van wettelijke verplichtingen',
  'Lenen bij een andere bibliotheek',
  'Via interbibliothecair leenverkeer kunt u materialen opvragen uit de catalogus van andere bibliotheken. Dan zijn wij genoodzaakt om enkele van uw persoonsgegevens (naam en pasnummer) door te geven aan de betreffende bibliotheek. De verantwoordelijkheid voor de zorgvuldige omgang met uw persoonsgegevens ligt dan bij deze externe bibliotheek.',
  'Onlinebibliotheek.nl',
  'Als lid van KopGroep Bibliotheken kunt u gebruik maken van verschillende aanvullende landelijke diensten die vallen onder de verantwoordelijkheid van de Koninklijke Bibliotheek. Via de website www.onlinebibliotheek.nl kunt u bijvoorbeeld e-books lenen. Ook op de website www.bibliotheek.nl worden specifieke diensten door de Koninklijke Bibliotheek aangeboden. Om van deze diensten gebruik te kunnen maken, dient u op de website(s) voor de desbetreffende diensten een account aan te maken.',
  'Wij wisselen op voorhand een beperkte set persoonsgegevens met de Koninklijke Bibliotheek uit om het mogelijk te maken dat u door de Koninklijke Bibliotheek als lid van de bibliotheek wordt herkend. Op het moment dat u een account voor deze dienst(en) aanmaakt geeft u hiermee toestemming voor het verstrekken van uw lidmaatschapsgegevens van KopGroep Bibliotheken aan de Koninklijke Bibliotheek. De Koninklijke Bibliotheek koppelt deze gegevens vervolgens aan dit nieuwe account. Zij verwerkt deze gegevens overeenkomstig haar eigen privacyverklaring.',
  'Als u gebruik maakt van de diensten via www.onlinebibliotheek.nl en/of www.bibliotheek.nl kunt u voor uw rechten als betrokkene rechtstreeks contact opnemen met de Koninklijke Bibliotheek. U kunt van modelbrieven gebruik maken.',
  'Door ons ingeschakelde leveranciers',
  'Het kan zijn dat we een externe partij inschakelen om bepaalde verwerkingen voor ons uit te voeren (een statistische analyse maken of een mailing verzorgen). In die situaties zullen we met die derde(n) afspraken maken over het gebruik, de beveiliging en de geheimhouding van gegevens in een verwerkingsovereenkomst. Er wordt vastgelegd dat derde partijen uw gegevens nooit voor hun eigen doeleinden mogen gebruiken.',
  'Afgifte op grond van wettelijke verplichtingen',
  'Onder bepaalde omstandigheden zijn wij wettelijk verplicht om uw gegevens af te geven aan overheidsinstanties (politie, justitie en fiscus). Wij zullen uw gegevens alleen afgeven wanneer wij daartoe wettelijk verplicht zijn. Het is ons niet altijd toegestaan u te informeren over een dergelijke afgifte.',
  'Cameratoezicht',
  'Wij passen cameratoezicht toe voor de bescherming van veiligheid van personeel en bezoekers, de beveiliging van gebouwen en het vastleggen van incidenten. Cameratoezicht vindt altijd zichtbaar en aangekondigd plaats. De gemaakte opnamen worden alleen bekeken na incidenten en worden maximaal vier weken bewaard, tenzij de beelden opgeslagen moeten worden voor verdere afhandeling.',
  'Website',
  'Op onze website wordt gebruikgemaakt van cookies. Cookies zijn kleine, eenvoudige tekstbestandjes die uw computer ontvangt wanneer u onze website bezoekt. Om het gebruik van onze websites te meten gebruiken wij de diensten Google Analytics en Adobe Analytics. Daarmee wordt bijgehouden hoe bezoekers onze websites gebruiken, welke pagina’s zij bezoeken, waar zij vandaan komen, waar zij op klikken en welke browser zij gebruiken. Met deze informatie kunnen wij het gebruiksgemak en de kwaliteit van onze websites verbeteren en kunnen bezoekersstatistieken worden opgesteld. Deze hebben we nodig om ons te verantwoorden aan de gemeenten die ons subsidiëren. In de instellingen van uw browser kunt u ervoor kiezen om cookies uit te schakelen, dit kan wel de functionaliteit van bibliotheekdiensten beïnvloeden.',
  'Nieuwsbrief',
  "Maandelijks versturen we een digitale nieuwsbrief waarvoor u zich kunt aanmelden bij inschrijving of via onze website. U kunt zich te alle tijden weer afmelden door op de link 'afmelden' onder aan de nieuwsbrief te klikken. Het open en klikgedrag van de nieuwsbrief gebruiken we om de kwaliteit te verbeteren.",
  'Meldplicht datalekken',
  'Sinds januari 2016 geldt de meldplicht datalekken. Deze meldplicht houdt in dat wij direct een melding moeten doen bij de Autoriteit Persoonsgegevens bij (het vermoeden van) een ernstig datalek. Soms moeten wij het datalek ook melden aan betrokkenen. Wij hebben interne procedures om datalekken zoveel mogelijk te voorkomen.',
  'Gebruik van uw gegevens voor marketing- en onderzoeksdoeleinden',
  'Wij kunnen uw gegevens gebruiken voor marketingdoeleinden (ontwikkelen van activiteiten die aansluiten bij uw interesses) en onderzoek naar de kwaliteit van onze dienstverlening. Als u niet wilt dat uw gegevens voor deze doeleinden worden gebruikt, dan kunt u dit kenbaar maken via privacy@kopgroepbibliotheken.nl Wij zullen dan het gebruik van uw gegevens voor deze doeleinden op korte termijn staken.',
  'Vragen en recht op inzage en correctie',
  'Als u vragen heeft over de verwerking van uw persoonsgegevens door KopGroep Bibliotheken of als u deze gegevens wilt inzien of wijzigen, kunt u contact opnemen via privacy@kopgroepbibliotheken.nl. Wij kunnen daarbij om een kopie van uw legitimatie vragen. Het kan zijn dat er kosten zijn verbonden aan uw verzoek.',
  'Wijzigingen',
  'Privacywetgeving wordt van tijd tot tijd aangepast en verbeterd, daarom is ook deze privacyverklaring aan verandering onderhevig. Onderaan leest u wanneer dit document voor het laatst is aangepast.',
  'KopGroep Bibliotheken kan uw persoonsgegevens verwerken voor nieuwe doeleinden die nog niet staan vermeld in deze privacyverklaring. In dat geval zullen wij vooraf contact met u opnemen om u hiervan op te hoogte te stellen.',
  'Contactgegevens',
  'Stichting KopGroep Bibliotheken',
  'Keizersgracht 94',
  '1781 BB Den Helder',
  '0223-623859',
  'KvK 37132850',
  'Stichting KopGroep Bibliotheken is door de Belastingdienst aangemerkt als culturele Algemeen Nut Beogende Instelling (ANBI).',
  'Deze privacyverklaring is voor het laatst aangepast op: 18 juni 2018',
];

/** The seed's section headings, in order. */
export const SEED_HEADINGS: readonly string[] = [
  'Hoe gaan wij om met uw privacy?',
  'Wat zijn persoonsgegevens?',
  'Doeleinden van de verwerking',
  'Doorgifte aan derden',
  'Cameratoezicht',
  'Website',
  'Nieuwsbrief',
  'Meldplicht datalekken',
  'Gebruik van uw gegevens voor marketing- en onderzoeksdoeleinden',
  'Vragen en recht op inzage en correctie',
  'Wijzigingen',
  'Contactgegevens',
];

/** The sub-headings under "Doorgifte aan derden", in order. */
export const SEED_SUBHEADINGS: readonly string[] = [
  'Lenen bij een andere bibliotheek',
  'Onlinebibliotheek.nl',
  'Door ons ingeschakelde leveranciers',
  'Afgifte op grond van wettelijke verplichtingen',
];

/** The contact details as the seed gives them (the e-mail from its access/correction section). */
export const SEED_CONTACT: readonly string[] = [
  'Stichting KopGroep Bibliotheken',
  'Keizersgracht 94',
  '1781 BB Den Helder',
  '0223-623859',
  'KvK 37132850',
  'privacy@kopgroepbibliotheken.nl',
];
