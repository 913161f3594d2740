"""Word lists for name matching: given names that are also common words, common US given names
and surnames (to find people nobody listed), and generic words in workplace names.

All lower case. The lists favour people a worker-researcher is likely to hear about at work in
the US; they are a safety net under the researcher's own list, not a replacement for it.
"""

from __future__ import annotations

# Given names that are everyday words: alone and in lower case they need a cue ("will said").
AMBIGUOUS_NAMES = frozenset("""
will bill mark rose grace may june april august hope joy faith frank sue pat art drew gene ray
dawn summer autumn amber crystal ruby pearl jack nick rob don dean lane wade chase miles chip
sandy penny candy holly ivy iris lily daisy robin jay sky brook cliff rocky guy bob al ed ted
sunny rich rick dot max jewel page paige bud buck colt chance destiny trinity precious harmony
melody star honey bunny angel sugar cherry ginger olive hazel violet heather sage river rain
storm stone hunter taylor mason carter cooper porter fisher baker parker tanner major king
prince duke earl marshall sterling rusty dusty sonny junior chief boss doc grant
mercedes dolores jesus jesús
""".split())  # noqa: SIM905

# Names that are also everyday Spanish words: in Spanish text an unlisted one needs a cue
# ("la señora luz"); in English text "linda" and "rosa" are names. A listed one always matches.
EVERYDAY_ES = frozenset("""
rosario angel ángel cruz luz paz esperanza consuelo socorro pilar reyes flores rosa blanca soledad
amparo santos domingo sol mar alba celeste linda dulce paloma perla cielo rocío rocio estrella
victoria milagros gloria
""".split())  # noqa: SIM905
# Names that are everyday words in English: an unlisted one needs a cue in any text.
EVERYDAY_NAMES = frozenset(["patience", "mercy", "faith", "charity", "precious"]) | AMBIGUOUS_NAMES

# Kind-of-place words that come first in Spanish names ("Hotel Las Palmas").
LEADING_KIND_WORDS = frozenset("""
hotel motel rancho taquería taqueria lavandería lavanderia empacadora limpiezas limpieza restaurante
restaurant tienda fábrica fabrica panadería panaderia carnicería carniceria supermercado mercado
clínica clinica hospital hogar residencia asilo escuela colegio bodega almacén almacen granja
vivero constructora transportes servicios grupo casa club costura lavado autolavado jardinería
jardineria cuidados limpiadora maquiladora
""".split())  # noqa: SIM905  # noqa: SIM905 (a word block reads better than a list literal)

COMMON_GIVEN_NAMES = frozenset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander patrick raymond jerry dennis tyler aaron jose adam nathan henry douglas
zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan
juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny mary patricia
jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy
sophia denise doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
marie kayla alexis lori guadalupe juana margarita rosa josefina veronica alejandra leticia
yolanda gabriela carmen luz silvia marisol lucia elena adriana beatriz araceli esperanza
consuelo dolores luis carlos jorge miguel pedro jesus manuel francisco antonio alejandro ricardo
eduardo fernando javier roberto raul sergio ramon alfredo rafael enrique hector mario oscar
arturo ernesto armando guillermo salvador rodrigo alberto ignacio jamal darnell tyrone deshawn
marcus andre terrell malik lamar cedric jermaine darius dwayne keisha latoya tamika shanice
ebony aaliyah imani tanisha jasmine shaniqua latasha monique wei li ming jun hui yan mei lin
chen kim hoa linh minh thanh tuan nguyen anh duc priya raj amit sunil anil deepak ravi sanjay
vijay anita sunita pooja neha kavita mohammed muhammad ahmed ali omar hassan fatima aisha yusuf
ibrahim abdul khalid olga irina natasha svetlana ivan dmitri sergei igor tasha trina tonya tanya
kendra darren derek travis shawn shane troy todd chad brett brad craig curtis dale dwight earl
floyd glen glenn herbert howard lloyd marvin melvin norman otis percy reginald rodney vernon
wendell sam tom mike dan ben tony jim jimmy dave steve greg jeff pete phil ken ron tim matt andy
chris kate katie liz beth jen jenny sue susie becky debbie pam cathy kathy patty lupe lupita
chuy lalo pepe paco memo nacho rosie marisa yesenia mayra ximena pancho chucho beto toño tono
quique chente chava chayo lencho goyo licha cuca chela conchita juanita rosita chepe chelo moncho
maría josé jesús ramón raúl martín óscar héctor sebastián andrés joaquín julián adrián germán
""".split()) - AMBIGUOUS_NAMES  # noqa: SIM905

COMMON_SURNAMES = frozenset("""
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez gonzales wilson anderson thomas taylor moore jackson martin lee perez thompson white
harris sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen
hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips
evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson
watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders
patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler
henderson barnes fisher vasquez simmons romero jordan patterson alexander hamilton graham
reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar
stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy
wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter
gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black
robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson
nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce
vazquez hansen peters santos hart bradley knight elliott cunningham duncan armstrong hudson
carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston matthews pena
richards contreras willis carpenter lawrence sandoval guerrero george chapman rios estrada
ortega watkins greene nunez wheeler valdez harper burke larson santiago maldonado morrison
franklin carlson austin dominguez carr lawson jacobs obrien lynch singh vega bishop montgomery
oliver jensen harvey williamson gilbert dean sims espinoza howell li wong reid hanson le mccoy
garrett burton fuller wang weber welch rojas lucas marquez fields park yang little banks padilla
day walsh bowman schultz luna fowler mejia davidson acosta brewer may holland juarez newman
pearson curtis cortez douglas schneider joseph barrett navarro figueroa keller avila wade molina
stanley hopkins campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala
lowe frazier powers neal leonard gregory carrillo sutton fleming rhodes shelton schwartz norris
jennings watts duran walters cohen mcdaniel moran parks steele vaughn becker holt deleon barker
terry hale leon hail benson haynes horton miles lyons pham graves bush thornton wolfe warner
cabrera mckinney mann zimmerman dawson lara fletcher page mccarthy love robles cervantes solis
erickson reeves chang klein salinas fuentes baldwin daniel simon velasquez hardy higgins aguirre
lin cummings chandler sharp barber bowen ochoa dennis robbins liu ramsey francis griffith paul
blair oconnor cardenas pacheco cross calderon quinn moss swanson chan rivas khan rodgers serrano
fitzgerald rosales stevenson christensen manning gill curry mclaughlin harmon mcgee gross doyle
garner newton burgess reese walton blake trujillo adkins brady goodman roman webster goodwin
fischer huang potter delacruz montoya todd wu hines mullins castaneda malone cannon tate mack
sherman hubbard hodges zhang guerra wolf valencia saunders franco rowe gallagher farmer hammond
hampton townsend ingram wise gallegos clarke barton schroeder maxwell waters logan camacho
strickland norman person colon parsons frank harrington glover osborne buchanan casey floyd
patton ibarra ball tyler suarez bowers orozco salas cobb gibbs andrade bauer conner moody
escobar mcguire lloyd mueller hartman french kramer mcbride pope lindsey velazquez norton
mccormick sparks flynn yates hogan marsh macias villanueva zamora pratt stokes owen ballard lang
brock villarreal charles drake barrera cain patrick pineda burnett mercado santana shepherd
bautista ali shaffer lamb trevino mckenzie hess beil olsen cochran morton nash wilkins petersen
briggs shah roth nicholson holloway lozano rangel flowers hoover short arias mora valenzuela
bryan meyers weiss underwood bass greer summers houston carson morrow clayton whitaker decker
yoder collier zuniga carey wilcox melendez poole roberson larsen conley davenport copeland
massey lam huff rocha cameron jefferson hood monroe anthony pittman huynh randall singleton kirk
combs mathis christian skinner bradford richard galvan wall boone kirby wilkinson bridges bruce
atkinson velez meza roy vincent york hodge villa abbott allison tapia gates chase sosa sweeney
farrell wyatt dalton horn barron phelps yu dickerson heath foley atkins mathews bonilla acevedo
benitez zavala hensley glenn cisneros harrell shields rubio huffman choi boyer garrison arroyo
bond kane hancock callahan dillon cline wiggins grimes arellano melton oneill savage ho beltran
pitts parrish ponce rich booth koch golden ware brennan mcdowell marks cantu humphrey baxter
sawyer clay tanner hutchinson kaur berg wiley gilmore russo villegas hobbs keith wilkerson ahmed
beard mcclain montes mata rosario vang walter henson oneal mosley mcclure beasley stephenson
snow huerta preston vance barry johns eaton blackwell dyer prince macdonald solomon guevara
stafford english hurst woodard cortes shannon kemp nolan mccullough merritt murillo moon salgado
strong kline cordova barajas roach rosas winters jacobson lester knox bullock kerr leach meadows
davila orr whitehead pruitt kent conway mckee barr david dejesus marin berger mcintyre
blankenship gaines palacios cuevas bartlett durham dorsey mccall odonnell stein browning stout
lowery sloan mclean hendricks calhoun sexton chung gentry hull duarte ellison nielsen gillespie
buck middleton sellers leblanc esparza hardin bradshaw mcintosh howe livingston frost glass
morse knapp herman stark bravo noble spears weeks corona frederick buckley mcfarland hebert
enriquez hickman quintero randolph schaefer walls trejo house reilly pennington michael conrad
giles benjamin crosby fitzpatrick donovan mays mahoney valentine raymond medrano hahn mcmillan
small bentley felix peck lucero boyle hanna pace rush hurley harding mcconnell bernal nava ayers
everett ventura avery pugh mayer bender shepard mcmahon landry case sampson moses magana
blackburn dunlap gould duffy vaughan herring mckay espinosa rivers farley bernard ashley
friedman potts truong costa correa blevins nixon clements fry delarosa best benton lugo portillo
dougherty crane haley phan villalobos blanchard horne finley quintana lynn esquivel bean dodson
mullen xiong hayden cano levy huber richmond moyer lim frye sheppard mccarty avalos booker
waller parra woodward jaramillo krueger rasmussen brandt peralta donaldson stuart faulkner
maynard galindo coffey estes sanford burch maddox vo oconnell vu andersen spence mcpherson
church schmitt stanton leal cherry compton dudley sierra pollard alfaro hester proctor lu hinton
novak good madden mccann terrell jarvis dickson reyna cantrell mayo branch hendrix rollins
rowland whitney duke odom daugherty travis tang archer
""".split()) - AMBIGUOUS_NAMES  # noqa: SIM905

# Words that say what a workplace is rather than which one ("Riverside Distribution Center").
GENERIC_WORKPLACE_WORDS = frozenset("""
the inc incorporated llc ltd co corp corporation company companies group holdings services
service center centre warehouse store stores shop market supermarket hospital clinic plant
factory facility facilities dc distribution fulfillment fulfilment logistics foods food
restaurant restaurants cafe kitchen hotel motel inn team department dept unit site branch office
offices depot yard terminal station north south east west new of and at on in for care home
homes health healthcare medical nursing school schools university college manufacturing
industries industrial systems solutions products supply supplies delivery express transport
transportation freight shipping retail wholesale outlet mall lines spa salon coffee childcare
daycare farms farm packing fabrication construction roofing elementary middle high academy
garage resort casino living senior security entertainment
couriers courier landscaping lawn cleaning cleaners dry parking sanitation waste rehabilitation
rehab steel metals grocery groceries pharmacy bakery laundry janitorial staffing labor agency
poultry meats meat produce dairy seafood nursery packers processing
""".split())  # noqa: SIM905

# Words that may be part of a workplace's name but say nothing alone ("Metro Transit Authority"
# must not make every "transit" a workplace).
COMMON_ALONE = frozenset("""
authority transit metro city county state national american united general first main central
family living senior fresh valley golden bright clean sunny days grand plaza home care quick
best good great royal premier quality standard global international regional community public
people life star sun sunset river lake park hill mountain ocean bay green blue red white black
gold silver diamond crown eagle lion tiger bear wolf fox hawk pine oak maple cedar elm willow
rose garden gardens field fields farm ranch village town country square court street avenue road
lane place point bridge gate gateway summit peak crest ridge view vista express direct smart
super mega ultra prime total true pure fast rapid speedy easy simple
""".split())  # noqa: SIM905
