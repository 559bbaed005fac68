// Aqua, the language of Fluence's Aqua compiler 0.14.6, as Gyre reads it.
//
// Blocks are indentation-based: the lexer emits NL at the end of every logical line and
// io.gyre.aqua.parse.IndentingTokenSource turns changes of indentation into INDENT / DEDENT.
// Newlines inside (), [] and {} and right after a comma do not end a line.
// The parse tree never leaves the parser: io.gyre.aqua.parse.AstBuilder turns it into Gyre's AST.
grammar Aqua;

tokens { INDENT, DEDENT }

// ---------------------------------------------------------------- file structure

file
    : NL* moduleHeader? (headItem | NL)* (declaration | NL)* EOF
    ;

moduleHeader
    : (AQUA | MODULE) qualifiedName (DECLARES declaresList)? NL
    ;

declaresList
    : STAR
    | anyName (COMMA anyName)*
    ;

headItem
    : IMPORT STRING NL                                              # importAll
    | IMPORT importName (COMMA importName)* FROM STRING NL          # importFrom
    | USE STRING (AS qualifiedName)? NL                             # useAll
    | USE importName (COMMA importName)* FROM STRING AS qualifiedName NL  # useFrom
    | EXPORT exportItem (COMMA exportItem)* NL                      # export
    ;

importName
    : anyName (AS anyName)?
    ;

exportItem
    : anyName (AS anyName)?
    ;

qualifiedName
    : anyName (DOT anyName)*
    ;

// ---------------------------------------------------------------- declarations

declaration
    : DATA UPPER_ID COLON NL INDENT (fieldDecl NL)+ DEDENT                      # dataDecl
    | ALIAS UPPER_ID COLON typeRef NL                                           # aliasDecl
    | CONST UPPER_ID (ASSIGN | OPT_ASSIGN) expr NL                              # constDecl
    | SERVICE UPPER_ID (LPAREN expr RPAREN)? COLON NL INDENT (arrowDecl NL)+ DEDENT  # serviceDecl
    | ABILITY UPPER_ID COLON NL INDENT (abilityMember NL)+ DEDENT               # abilityDecl
    | FUNC name abilityParams? arrowSignature block                             # funcDecl
    ;

fieldDecl
    : memberName COLON typeRef
    ;

// `get(key: string) -> string`, or a name and an arrow type: `get: string -> string`.
arrowDecl
    : memberName arrowSignature
    | memberName COLON arrowType
    ;

abilityMember
    : memberName arrowSignature      # abilityArrow
    | memberName COLON typeRef       # abilityField
    ;

abilityParams
    : LBRACE qualifiedName (COMMA qualifiedName)* RBRACE
    ;

// `(a: T, b: U) -> R, S` as in function headers, service and ability arrows, closures.
arrowSignature
    : LPAREN (param (COMMA param)*)? RPAREN (ARROW returnTypes)?
    ;

param
    : name COLON typeRef
    ;

// A result may itself be an arrow: `(p: string) -> string -> string` returns a string -> string;
// in parentheses several arrows and values: `-> (string -> string, u32), string`.
returnTypes
    : typeRef (COMMA typeRef)*
    | LPAREN RPAREN
    ;

// ---------------------------------------------------------------- types

typeRef
    : arrowType
    | dataType
    | LPAREN arrowType RPAREN
    ;

arrowType
    : (memberType (COMMA memberType)*)? ARROW (memberType (COMMA memberType)* | LPAREN RPAREN)
    ;

// A parameter or result of an arrow type: data, or an arrow in parentheses.
memberType
    : dataType
    | LPAREN arrowType RPAREN
    ;

dataType
    : LBRACK RBRACK dataType       # arrayType
    | STAR dataType                # streamType
    | QUESTION dataType            # optionType
    | TOP                          # topType
    | BOTTOM                       # bottomType
    | LOWER_ID                     # scalarType
    | UPPER_ID (DOT UPPER_ID)*     # namedType
    ;

// ---------------------------------------------------------------- function bodies

block
    : COLON NL INDENT statement+ DEDENT
    ;

statement
    : PAR statement                                                # parStmt
    | CO statement                                                 # coStmt
    | ON expr (VIA expr)* block                                    # onStmt
    | FOR name LARROW expr forMode? block                          # forStmt
    | PARSEQ name LARROW expr ON expr (VIA expr)* block            # parseqStmt
    | IF expr block                                                # ifStmt
    | ELSE IF expr block                                           # elseIfStmt
    | ELSE block                                                   # elseStmt
    | TRY block                                                    # tryStmt
    | CATCH name block                                             # catchStmt
    | OTHERWISE block                                              # otherwiseStmt
    | anyName ASSIGN FUNC? arrowSignature block                    # closureStmt
    | simpleStatement NL                                           # simpleStmt
    ;

forMode
    : PAR | TRY | REC
    ;

simpleStatement
    : LARROW expr (COMMA expr)*                                    # returnStmt
    | name COLON typeRef                                           # declareStreamStmt
    | anyName ASSIGN expr                                          # assignStmt
    | anyName PUSH expr                                            # pushStmt
    | JOIN expr (COMMA expr)*                                      # joinStmt
    | UPPER_ID (DOT UPPER_ID)* expr                                # serviceIdStmt
    | (anyName (COMMA anyName)* LARROW)? expr                      # callStmt
    ;

// ---------------------------------------------------------------- values

// One left-recursive rule: ANTLR turns it into precedence climbing (lowest precedence last).
expr
    : atom                                                         # atomExpr
    | <assoc=right> expr POW expr                                  # binaryExpr
    | expr (STAR | SLASH | PERCENT) expr                           # binaryExpr
    | expr (PLUS | MINUS) expr                                     # binaryExpr
    | expr (LT | LTE | GT | GTE) expr                              # binaryExpr
    | expr (EQ | NEQ) expr                                         # binaryExpr
    | expr AND expr                                                # binaryExpr
    | expr OR expr                                                 # binaryExpr
    ;

atom
    : basic property*
    ;

basic
    : literal                                                      # literalValue
    | INIT_PEER                                                    # initPeerValue
    | (LBRACK | QUESTION LBRACK | STAR LBRACK) (expr (COMMA expr)*)? RBRACK  # collectionValue
    | anyName abilityArgs? LPAREN (callArg (COMMA callArg)*)? RPAREN          # callValue
    | anyName                                                      # nameValue
    | BANG atom                                                    # notValue
    | LPAREN expr RPAREN                                           # parenValue
    ;

property
    : DOT memberName abilityArgs? LPAREN (callArg (COMMA callArg)*)? RPAREN  # methodProperty
    | DOT memberName                                               # fieldProperty
    | LBRACK expr RBRACK                                           # indexProperty
    | BANG INT?                                                    # bangProperty
    ;

abilityArgs
    : LBRACE expr (COMMA expr)* RBRACE
    ;

callArg
    : (memberName ASSIGN)? expr
    ;

literal
    : TRUE
    | FALSE
    | MINUS? INT
    | MINUS? FLOAT
    | STRING
    ;

// Declaration keywords may name values and fields (aqua-lib has `sign(data: []u8)`).
name
    : LOWER_ID
    | DATA | ALIAS | CONST | SERVICE | ABILITY | MODULE | DECLARES | IMPORT | USE | FROM | AS
    | EXPORT | AQUA | VIA | REC | COPY
    ;

anyName
    : name
    | UPPER_ID
    ;

// Members (fields, service and ability arrows) may be named by any keyword, as in the real
// compiler (`join(name: string)`, `r.for`): after a dot or in a member list nothing else fits.
memberName
    : anyName
    | FUNC | ON | PAR | CO | JOIN | FOR | PARSEQ | IF | ELSE | TRY | CATCH | OTHERWISE | TRUE | FALSE
    ;

// ---------------------------------------------------------------- lexer

AQUA: 'aqua';
MODULE: 'module';
DECLARES: 'declares';
IMPORT: 'import';
USE: 'use';
FROM: 'from';
AS: 'as';
EXPORT: 'export';
DATA: 'data';
ALIAS: 'alias';
CONST: 'const';
SERVICE: 'service';
ABILITY: 'ability';
FUNC: 'func';
ON: 'on';
VIA: 'via';
PAR: 'par';
CO: 'co';
JOIN: 'join';
FOR: 'for';
PARSEQ: 'parseq';
REC: 'rec';
IF: 'if';
ELSE: 'else';
TRY: 'try';
CATCH: 'catch';
OTHERWISE: 'otherwise';
TRUE: 'true';
FALSE: 'false';
COPY: 'copy';
INIT_PEER: '%init_peer_id%';

PUSH: '<<-';
LARROW: '<-';
ARROW: '->';
EQ: '==';
NEQ: '!=';
OPT_ASSIGN: '?=';
LTE: '<=';
GTE: '>=';
AND: '&&';
OR: '||';
POW: '**';
ASSIGN: '=';
LT: '<';
GT: '>';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
BANG: '!';
QUESTION: '?';
COLON: ':';
COMMA: ',';
DOT: '.';
LPAREN: '(';
RPAREN: ')';
LBRACK: '[';
RBRACK: ']';
LBRACE: '{';
RBRACE: '}';
TOP: '⊤';
BOTTOM: '⊥';

FLOAT: [0-9]+ '.' [0-9]+;
INT: [0-9]+;
// No escapes: a string runs to the next double quote (as in Aqua 0.14.6).
STRING: '"' ~'"'* '"';
UPPER_ID: [A-Z] [a-zA-Z0-9_]*;
LOWER_ID: [a-z] [a-zA-Z0-9_]*;

// A newline and the indentation of the next line; the token source measures it.
NL: ('\r'? '\n' | '\r') [ \t]*;
COMMENT: '--' ~[\r\n]* -> skip;
WS: [ \t]+ -> skip;
UNKNOWN: .;
